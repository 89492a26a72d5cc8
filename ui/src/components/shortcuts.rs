//! The list of keyboard shortcuts, opened with `?` (or the toolbar's ⌨ button).

use yew::prelude::*;

/// Every shortcut the window answers, as (keys, what they do).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("/", "Search"),
    (
        "Esc",
        "Close the panel or dialog; in the grid, forget the marks",
    ),
    ("← → ↑ ↓", "Move between cards"),
    ("PageUp / PageDown", "A screen of cards up or down"),
    ("Home / End", "First or last card"),
    ("Enter", "Open the focused card's details"),
    ("Space", "Mark or unmark the focused card"),
    ("Shift+click", "Mark every card from the last one marked"),
    ("Ctrl+click", "Mark or unmark one card"),
    ("Ctrl+A", "Mark every card shown"),
    ("Enter (in a ✎ field)", "Save a correction"),
    ("?", "This list"),
];

/// The list's props.
#[derive(Properties, PartialEq)]
pub struct ShortcutsProps {
    /// Close it.
    pub on_close: Callback<()>,
}

/// The shortcut list, as a dialog.
#[function_component(Shortcuts)]
pub fn shortcuts(props: &ShortcutsProps) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                on_close.emit(());
            }
        })
    };
    let focus = use_node_ref();
    {
        let focus = focus.clone();
        use_effect_with((), move |_| {
            if let Some(button) = focus.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    html! {
        <div class="modal-backdrop" onkeydown={onkeydown}>
            <div class="modal shortcuts" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts">
                <header>
                    <h2>{ "Keyboard shortcuts" }</h2>
                    <button ref={focus} class="close" aria-label="Close" onclick={close}>{ "×" }</button>
                </header>
                <dl class="facts">
                    { for SHORTCUTS.iter().map(|(keys, what)| html! {
                        <><dt><kbd>{ *keys }</kbd></dt><dd>{ *what }</dd></>
                    }) }
                </dl>
            </div>
        </div>
    }
}
