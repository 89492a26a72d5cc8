//! Stacked, dismissible toasts that hide themselves.

use crate::state::{Toast, ToastAction, ToastKind};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long a toast stays.
const VISIBLE_MS: u32 = 6000;

#[derive(Properties, PartialEq)]
pub struct ToastsProps {
    pub toasts: Vec<Toast>,
    /// A toast went away (timed out or dismissed): what it offered is no longer on offer.
    pub on_dismiss: Callback<Toast>,
    /// The toast's button was pressed.
    pub on_action: Callback<ToastAction>,
}

/// The toast stack (an aria-live region, so screen readers announce them).
#[function_component(Toasts)]
pub fn toasts(props: &ToastsProps) -> Html {
    html! {
        <div class="toasts" aria-live="polite" role="status">
            { for props.toasts.iter().map(|t| html! {
                <ToastView key={t.id} toast={t.clone()} on_dismiss={props.on_dismiss.clone()} on_action={props.on_action.clone()} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ToastProps {
    toast: Toast,
    on_dismiss: Callback<Toast>,
    on_action: Callback<ToastAction>,
}

#[function_component(ToastView)]
fn toast_view(props: &ToastProps) -> Html {
    let id = props.toast.id;
    {
        let (on_dismiss, toast) = (props.on_dismiss.clone(), props.toast.clone());
        use_effect_with(id, move |_| {
            let timer = Timeout::new(VISIBLE_MS, move || on_dismiss.emit(toast));
            move || drop(timer)
        });
    }
    let class = match props.toast.kind {
        ToastKind::Success => "success",
        ToastKind::Error => "error",
        ToastKind::Info => "info",
    };
    let dismiss = {
        let (on_dismiss, toast) = (props.on_dismiss.clone(), props.toast.clone());
        Callback::from(move |_| on_dismiss.emit(toast.clone()))
    };
    let action = props.toast.action.clone().map(|action| {
        let on_action = props.on_action.clone();
        let label = match &action {
            ToastAction::UndoDelete(_) => "Undo",
        };
        html! { <button class="toast-action" onclick={Callback::from(move |_| on_action.emit(action.clone()))}>{ label }</button> }
    });
    html! {
        <div class={classes!("toast", class)}>
            <span>{ props.toast.text.clone() }</span>
            { for action }
            <button class="dismiss" aria-label="Dismiss" onclick={dismiss}>{ "×" }</button>
        </div>
    }
}
