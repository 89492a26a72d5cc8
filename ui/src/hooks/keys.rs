//! The window's own keys, heard on the whole document.

use crate::browser;
use crate::context::DeckDispatch;
use crate::state::Action;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// "/" searches, "?" shows the shortcuts (`on_help`), Escape closes the details. Keys typed
/// into a field are the field's.
#[hook]
pub fn use_global_keys(dispatch: DeckDispatch, on_help: Callback<()>) {
    use_effect_with((), move |_| {
        // Not passive: a passive listener cannot keep "/" from being typed into the search
        // box it focuses.
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&doc, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.default_prevented() {
                    return;
                }
                let in_field = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                    });
                match e.key().as_str() {
                    "/" if !in_field => {
                        e.prevent_default();
                        browser::focus("search");
                    }
                    "?" if !in_field => {
                        e.prevent_default();
                        on_help.emit(());
                    }
                    "Escape" if !in_field => {
                        dispatch.dispatch(Action::CloseDetail);
                        browser::focus("grid");
                    }
                    _ => {}
                }
            })
        });
        move || drop(listener)
    });
}
