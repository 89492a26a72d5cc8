fn main() {
    yew::Renderer::<cvdeck_ui::components::App>::new().render();
}
