//! A parsed field a person can correct in place; the correction survives re-parsing.

use crate::ipc;
use crate::state::ToastKind;
use cvdeck_wire::ResumeId;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The field's props.
#[derive(Properties, PartialEq)]
pub struct EditableProps {
    /// The resume.
    pub id: ResumeId,
    /// Which field ("name", "headline", "email", "phone", "location").
    pub field: &'static str,
    /// What it says now.
    pub value: Option<AttrValue>,
    /// It was corrected by hand (offer to go back to the parsed value).
    pub corrected: bool,
    /// How it shows when not being edited.
    pub children: Html,
    /// The correction was saved: fetch the card again.
    pub on_changed: Callback<ResumeId>,
    /// Say something.
    pub on_toast: Callback<(ToastKind, String)>,
}

fn save(
    id: ResumeId,
    field: &'static str,
    value: Option<String>,
    on_changed: Callback<ResumeId>,
    on_toast: Callback<(ToastKind, String)>,
) {
    spawn_local(async move {
        match ipc::correct_field(id, field.to_owned(), value).await {
            Ok(_) => on_changed.emit(id),
            Err(e) => on_toast.emit((ToastKind::Error, format!("Not saved: {}", e.message))),
        }
    });
}

/// The field, with an edit button; Enter saves, Esc cancels.
#[function_component(Editable)]
pub fn editable(props: &EditableProps) -> Html {
    let editing = use_state(|| false);
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with(*editing, move |editing| {
            if *editing {
                if let Some(el) = input.cast::<HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            }
        });
    }
    let (id, field) = (props.id, props.field);
    if *editing {
        let onkeydown = {
            let (editing, on_changed, on_toast) = (
                editing.clone(),
                props.on_changed.clone(),
                props.on_toast.clone(),
            );
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => {
                    let value = e.target_unchecked_into::<HtmlInputElement>().value();
                    editing.set(false);
                    save(id, field, Some(value), on_changed.clone(), on_toast.clone());
                }
                "Escape" => {
                    // Cancels the edit only; the panel stays open.
                    e.stop_propagation();
                    editing.set(false);
                }
                _ => {}
            })
        };
        let onblur = {
            let editing = editing.clone();
            Callback::from(move |_: FocusEvent| editing.set(false))
        };
        return html! {
            <input ref={input} class={classes!("edit", field)} aria-label={format!("Correct the {field}")}
                value={props.value.clone().unwrap_or_default()} onkeydown={onkeydown} onblur={onblur} />
        };
    }
    let edit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let revert = {
        let (on_changed, on_toast) = (props.on_changed.clone(), props.on_toast.clone());
        Callback::from(move |_: MouseEvent| {
            save(id, field, None, on_changed.clone(), on_toast.clone())
        })
    };
    html! {
        <span class={classes!("editable", props.corrected.then_some("corrected"))}>
            <span class="value">{ props.children.clone() }</span>
            <button class={classes!("link", "edit-field", field)} aria-label={format!("Correct the {field}")}
                title="Correct by hand (kept when re-parsed)" onclick={edit}>{ "✎" }</button>
            if props.corrected {
                <button class={classes!("link", "revert-field", field)} title="Corrected by hand: back to the parsed value"
                    aria-label={format!("Undo the correction of the {field}")} onclick={revert}>{ "↺" }</button>
            }
        </span>
    }
}
