//! The original document's first pages, drawn by the shell, beside the parsed fields.

use crate::ipc;
use cvdeck_wire::ResumeId;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The pages' props.
#[derive(Properties, PartialEq)]
pub struct PagesProps {
    /// The resume (a PDF).
    pub id: ResumeId,
}

/// Pictures of the first pages, loaded once the section is open (it is, at first).
#[function_component(OriginalPages)]
pub fn original_pages(props: &PagesProps) -> Html {
    let pages = use_state(|| None::<Result<Vec<AttrValue>, String>>);
    let open = use_state(|| true);
    {
        let pages = pages.clone();
        use_effect_with((props.id, *open), move |(id, open)| {
            if *open && pages.is_none() {
                let id = *id;
                spawn_local(async move {
                    let loaded = ipc::page_previews(id)
                        .await
                        .map(|urls| urls.into_iter().map(AttrValue::from).collect())
                        .map_err(|e| e.message);
                    pages.set(Some(loaded));
                });
            }
        });
    }
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let content = match &*pages {
        None => html! { <p class="muted">{ "Drawing the pages…" }</p> },
        Some(Err(message)) => html! { <p class="muted">{ message }</p> },
        Some(Ok(urls)) => html! {
            { for urls.iter().enumerate().map(|(i, url)| html! {
                <img class="page" src={url.clone()} alt={format!("Page {} of the original", i + 1)} />
            }) }
        },
    };
    html! {
        <details class="original" open={*open} ontoggle={ontoggle}>
            <summary>{ "Original document" }</summary>
            { content }
        </details>
    }
}
