//! One resume card.

use cvdeck_wire::{CardDto, ParseStatus, ResumeId};
use std::rc::Rc;
use yew::prelude::*;

/// Props compare the card by value behind an `Rc` and the callbacks by pointer, so a card
/// re-renders only when its own data changed.
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The card.
    pub card: Rc<CardDto>,
    /// Retry parsing this card.
    pub on_retry: Callback<ResumeId>,
}

/// A card in the grid.
#[function_component(CardView)]
pub fn card_view(props: &CardProps) -> Html {
    let card = &props.card;
    let status = card.status.as_str();
    let title = card.name.clone().unwrap_or_else(|| card.file_name.clone());
    let on_retry = {
        let cb = props.on_retry.clone();
        let id = card.id;
        Callback::from(move |_| cb.emit(id))
    };
    let field = |class: &'static str, value: &Option<String>| -> Html {
        match value {
            Some(v) => {
                html! { <div class={classes!("field", class)} title={v.clone()}>{ v }</div> }
            }
            None => html! {},
        }
    };
    html! {
        <article class={classes!("card", format!("status-{status}"))} data-id={card.id.to_string()} data-status={status} tabindex="0" aria-busy={(card.status == ParseStatus::Processing).to_string()}>
            <header>
                <h2 class="name">{ title }</h2>
                if card.status != ParseStatus::Completed {
                    <span class={classes!("badge", status)} role="status">{ status }</span>
                } else {
                    <span class="badge completed" aria-label="completed">{ "✓" }</span>
                }
            </header>
            { field("headline", &card.headline) }
            { field("location", &card.location) }
            { field("email", &card.email) }
            { field("phone", &card.phone) }
            if !card.skills.is_empty() {
                <ul class="skills">
                    { for card.skills.iter().take(5).map(|s| html! { <li class="chip">{ s }</li> }) }
                </ul>
            }
            if let Some(error) = &card.error {
                if card.status == ParseStatus::Failed {
                    <p class="reason" title={error.kind.clone()}>{ &error.message }</p>
                }
            }
            <footer>
                <span class="file" title={card.file_name.clone()}>{ &card.file_name }</span>
                if card.status == ParseStatus::Failed {
                    <button class="retry" onclick={on_retry}>{ "Retry parsing" }</button>
                }
            </footer>
            if card.status == ParseStatus::Processing {
                <div class="spinner-overlay" aria-hidden="true"><div class="spinner"></div></div>
            }
        </article>
    }
}
