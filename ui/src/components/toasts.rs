//! Stacked, dismissible toasts that hide themselves.

use crate::actions;
use crate::context::use_deck_dispatch;
use crate::state::{Action, Toast, ToastAction, ToastKind};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long a toast stays after it appears or the pointer leaves it.
const VISIBLE_MS: u32 = 6000;
/// How long a toast with an Undo stays: what it undoes happens when it goes.
const UNDO_VISIBLE_MS: u32 = 10_000;

#[derive(Properties, PartialEq)]
pub struct ToastsProps {
    pub toasts: Vec<Toast>,
}

/// The toast stack (an aria-live region, so screen readers announce them).
#[function_component(Toasts)]
pub fn toasts(props: &ToastsProps) -> Html {
    let dispatch = use_deck_dispatch();
    // A toast went away (timed out or dismissed): what it offered is no longer on offer.
    let on_dismiss = {
        let d = dispatch.clone();
        use_callback((), move |toast: Toast, _| actions::dismiss_toast(&d, toast))
    };
    let on_action = use_callback((), move |action: ToastAction, _| match action {
        ToastAction::UndoDelete(ids) => dispatch.dispatch(Action::UndoDelete(ids)),
    });
    html! {
        <div class="toasts" aria-live="polite" role="status">
            { for props.toasts.iter().map(|t| html! {
                <ToastView key={t.id} toast={t.clone()} on_dismiss={on_dismiss.clone()} on_action={on_action.clone()} />
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
    // Under the pointer a toast stays; the clock starts again when the pointer leaves.
    let hovered = use_state(|| false);
    {
        let (on_dismiss, toast) = (props.on_dismiss.clone(), props.toast.clone());
        use_effect_with((id, *hovered), move |(_, hovered)| {
            let visible = if toast.action.is_some() {
                UNDO_VISIBLE_MS
            } else {
                VISIBLE_MS
            };
            let timer = (!*hovered).then(|| Timeout::new(visible, move || on_dismiss.emit(toast)));
            move || drop(timer)
        });
    }
    let on_enter = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(true))
    };
    let on_leave = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(false))
    };
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
        <div class={classes!("toast", class, props.toast.action.is_some().then_some("has-action"))}
            onmouseenter={on_enter} onmouseleave={on_leave}>
            <span>{ props.toast.text.clone() }</span>
            { for action }
            <button class="dismiss" aria-label="Dismiss" onclick={dismiss}>{ "×" }</button>
        </div>
    }
}
