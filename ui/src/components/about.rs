//! The About box: versions, the library this window works on, the programs found for OCR and
//! page pictures (and what to install when one is missing), and the licences of what is bundled.

use crate::ipc;
use cvdeck_wire::{AboutDto, LicenceDto, ToolDto};
use yew::prelude::*;

/// The toolbar's "About" button and the box it opens (fetched each time it opens, so a tool
/// installed meanwhile shows as found).
#[function_component(AboutButton)]
pub fn about_button() -> Html {
    let about = use_state(|| None::<Result<AboutDto, String>>);
    let open = {
        let about = about.clone();
        Callback::from(move |_: MouseEvent| {
            let about = about.clone();
            wasm_bindgen_futures::spawn_local(async move {
                about.set(Some(ipc::about().await.map_err(|e| e.message)));
            });
        })
    };
    let close = {
        let about = about.clone();
        Callback::from(move |()| about.set(None))
    };
    html! {
        <>
            <button class="about" title="Version, library and licences" onclick={open}>{ "About" }</button>
            if let Some(content) = (*about).clone() {
                <AboutBox {content} on_close={close} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct AboutBoxProps {
    content: Result<AboutDto, String>,
    on_close: Callback<()>,
}

#[function_component(AboutBox)]
fn about_box(props: &AboutBoxProps) -> Html {
    let close_button = use_node_ref();
    {
        let close_button = close_button.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // The grid's own Escape (close the details) is not meant.
                e.stop_propagation();
                on_close.emit(());
            }
        })
    };
    let on_backdrop = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <div class="modal-backdrop" onclick={on_backdrop}>
            <div class="modal about-box" role="dialog" aria-modal="true" aria-label="About CV Deck"
                onkeydown={onkeydown} onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <header>
                    <h2>{ "CV Deck" }</h2>
                    <button class="close" aria-label="Close" ref={close_button}
                        onclick={props.on_close.reform(|_| ())}>{ "×" }</button>
                </header>
                { match &props.content {
                    Ok(about) => facts(about),
                    Err(message) => html! { <p class="error">{ message.clone() }</p> },
                } }
            </div>
        </div>
    }
}

fn facts(about: &AboutDto) -> Html {
    html! {
        <>
            <dl class="facts">
                <dt>{ "Version" }</dt><dd class="version">{ &about.version }</dd>
                <dt>{ "Parser" }</dt><dd>{ &about.parser_version }</dd>
                <dt>{ "Library" }</dt><dd class="library">{ &about.library }</dd>
            </dl>
            <h3>{ "Programs used when installed" }</h3>
            <ul class="tools">{ for about.tools.iter().map(tool) }</ul>
            <h3>{ "Built from" }</h3>
            <p class="muted">{ format!(
                "{} pieces of software, under these licences. Everything runs on this computer.",
                about.licences.iter().map(|l| l.software.len()).sum::<usize>()
            ) }</p>
            <div class="licences">{ for about.licences.iter().map(licence) }</div>
        </>
    }
}

fn tool(tool: &ToolDto) -> Html {
    match &tool.path {
        Some(path) => html! {
            <li class="tool found" title={path.clone()}>
                { format!("✓ {} ({})", tool.name, tool.used_for) }
            </li>
        },
        None => html! {
            <li class="tool missing">
                { format!("✗ {} is not installed (needed for {}): install {}",
                    tool.name, tool.used_for, tool.package) }
            </li>
        },
    }
}

fn licence(licence: &LicenceDto) -> Html {
    html! {
        <details>
            <summary>{ format!("{} ({})", licence.licence, licence.software.len()) }</summary>
            <p>{ licence.software.join(", ") }</p>
        </details>
    }
}
