//! Stacked, dismissible toasts that hide themselves.

use crate::state::{Toast, ToastKind};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long a toast stays.
const VISIBLE_MS: u32 = 6000;

#[derive(Properties, PartialEq)]
pub struct ToastsProps {
    pub toasts: Vec<Toast>,
    pub on_dismiss: Callback<u64>,
}

/// The toast stack (an aria-live region, so screen readers announce them).
#[function_component(Toasts)]
pub fn toasts(props: &ToastsProps) -> Html {
    html! {
        <div class="toasts" aria-live="polite" role="status">
            { for props.toasts.iter().map(|t| html! {
                <ToastView key={t.id} toast={t.clone()} on_dismiss={props.on_dismiss.clone()} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ToastProps {
    toast: Toast,
    on_dismiss: Callback<u64>,
}

#[function_component(ToastView)]
fn toast_view(props: &ToastProps) -> Html {
    let id = props.toast.id;
    {
        let on_dismiss = props.on_dismiss.clone();
        use_effect_with(id, move |_| {
            let timer = Timeout::new(VISIBLE_MS, move || on_dismiss.emit(id));
            move || drop(timer)
        });
    }
    let class = match props.toast.kind {
        ToastKind::Success => "success",
        ToastKind::Error => "error",
        ToastKind::Info => "info",
    };
    let dismiss = {
        let on_dismiss = props.on_dismiss.clone();
        Callback::from(move |_| on_dismiss.emit(id))
    };
    html! {
        <div class={classes!("toast", class)}>
            <span>{ props.toast.text.clone() }</span>
            <button class="dismiss" aria-label="Dismiss" onclick={dismiss}>{ "×" }</button>
        </div>
    }
}
