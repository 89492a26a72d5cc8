//! One resume card.

use crate::highlight::marked;
use crate::state::MarkHow;
use cvdeck_wire::{CardDto, FailureDto, ParseStatus, ResumeId};
use std::rc::Rc;
use yew::prelude::*;

/// Props compare the card by value behind an `Rc` and the callbacks by pointer, so a card
/// re-renders only when its own data, its selection or the search words changed.
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The card.
    pub card: Rc<CardDto>,
    /// Search words to mark (folded).
    pub highlight: Rc<Vec<String>>,
    /// Has keyboard focus.
    pub selected: bool,
    /// Marked for a bulk action.
    pub marked: bool,
    /// Ctrl/Cmd-click, Shift-click or the checkbox.
    pub on_mark: Callback<(ResumeId, MarkHow)>,
    /// Retry parsing this card.
    pub on_retry: Callback<ResumeId>,
    /// Open the detail panel.
    pub on_open: Callback<ResumeId>,
    /// With a job chosen: Some(its fit score, or None when it has none: not parsed).
    #[prop_or_default]
    pub fit: Option<Option<u8>>,
}

/// Years of experience as a card shows them.
pub fn years(months: i64) -> String {
    match months {
        0..=11 => "< 1 yr".to_owned(),
        12..=23 => "1 yr".to_owned(),
        m => format!("{} yrs", m / 12),
    }
}

#[cfg(test)]
thread_local! {
    /// How often each card rendered (tests check that a batch re-renders only its cards).
    static RENDERS: std::cell::RefCell<std::collections::HashMap<ResumeId, usize>> =
        std::cell::RefCell::default();
}

/// A card in the grid.
#[function_component(CardView)]
pub fn card_view(props: &CardProps) -> Html {
    #[cfg(test)]
    RENDERS.with(|r| *r.borrow_mut().entry(props.card.id).or_default() += 1);
    let card = &props.card;
    let words = &props.highlight;
    let status = card.status.as_str();
    let title = card.name.clone().unwrap_or_else(|| card.file_name.clone());
    let id = card.id;
    let on_retry = {
        let cb = props.on_retry.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            cb.emit(id)
        })
    };
    // A plain click opens the card; with Ctrl/Cmd it is marked, with Shift a range is.
    let on_click = {
        let (on_open, on_mark) = (props.on_open.clone(), props.on_mark.clone());
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() {
                on_mark.emit((id, MarkHow::Toggle));
            } else if e.shift_key() {
                on_mark.emit((id, MarkHow::Range));
            } else {
                on_open.emit(id);
            }
        })
    };
    let on_checkbox = {
        let on_mark = props.on_mark.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            let how = if e.shift_key() {
                MarkHow::Range
            } else {
                MarkHow::Toggle
            };
            on_mark.emit((id, how));
        })
    };
    let field = |class: &'static str, value: &Option<String>| -> Html {
        match value {
            Some(v) => {
                html! { <div class={classes!("field", class)} title={v.clone()}>{ marked(v, words) }</div> }
            }
            None => html! {},
        }
    };
    let same_person = (!card.same_person.is_empty()).then(|| {
        let ids: Vec<String> = card.same_person.iter().map(|i| format!("#{i}")).collect();
        format!("Same person as {}", ids.join(", "))
    });
    html! {
        <article
            id={format!("card-{id}")}
            class={classes!("card", format!("status-{status}"), props.selected.then_some("selected"), props.marked.then_some("marked"), (!card.tags.is_empty()).then_some("has-tags"))}
            data-id={id.to_string()}
            data-status={status}
            role="gridcell"
            aria-selected={props.selected.to_string()}
            aria-busy={(card.status == ParseStatus::Processing).to_string()}
            onclick={on_click}
        >
            <header>
                <input type="checkbox" class="mark" checked={props.marked} onclick={on_checkbox}
                    aria-label={format!("Select {title}")} />
                <h2 class="name">{ marked(&title, words) }</h2>
                if card.status != ParseStatus::Completed {
                    <span class={classes!("badge", status)} role="status">{ status }</span>
                } else {
                    <span class="badge completed" aria-label="completed">{ "✓" }</span>
                }
            </header>
            { field("headline", &card.headline) }
            { field("location", &card.location) }
            { field("email", &card.email) }
            if !card.skills.is_empty() {
                <ul class="skills">
                    { for card.skills.iter().take(5).map(|s| html! { <li class="chip">{ marked(s, words) }</li> }) }
                </ul>
            }
            if let Some(error) = &card.error {
                if card.status == ParseStatus::Failed {
                    <p class="reason" title={error.kind.clone()}>{ &error.message }</p>
                }
            }
            if !card.tags.is_empty() {
                <ul class="tags" aria-label="Tags">
                    { for card.tags.iter().map(|t| html! { <li class="tag">{ t }</li> }) }
                </ul>
            }
            <footer>
                <span class="file" title={card.file_name.clone()}>{ &card.file_name }</span>
                if let Some(text) = same_person {
                    <span class="same-person" title={text.clone()} aria-label={text}>{ "⧉ duplicate?" }</span>
                }
                if let Some(months) = card.experience_months {
                    <span class="years">{ years(months) }</span>
                }
                if let Some(fit) = props.fit {
                    { fit_badge(fit, card.status) }
                }
                // Only where parsing again may end otherwise; the panel's Retry is always there.
                if card.status == ParseStatus::Failed && card.error.as_ref().is_some_and(FailureDto::retry_can_help) {
                    <button class="retry" onclick={on_retry}>{ "Retry parsing" }</button>
                }
            </footer>
            if card.status == ParseStatus::Processing {
                <div class="spinner-overlay" aria-hidden="true"><div class="spinner"></div></div>
            }
        </article>
    }
}

/// The fit score at the card's foot, with a bar: how well the resume meets the chosen job.
fn fit_badge(fit: Option<u8>, status: ParseStatus) -> Html {
    match fit.filter(|_| status == ParseStatus::Completed) {
        Some(score) => html! {
            <span class="fit-badge" data-score={score.to_string()} title={format!("Fit to the job: {score} of 100")}
                aria-label={format!("Fit {score} of 100")}>
                <span class="fit-bar"><span style={format!("width: {score}%")}></span></span>
                <b>{ score }</b>
            </span>
        },
        None => {
            html! { <span class="fit-badge none" title="Not parsed: no fit score">{ "—" }</span> }
        }
    }
}

/// A card whose data is still on its way: same size, so nothing jumps when it arrives.
#[function_component(CardPlaceholder)]
pub fn card_placeholder() -> Html {
    html! { <article class="card placeholder" aria-hidden="true"><div class="bar"></div><div class="bar short"></div></article> }
}

/// In headless Chromium (`wasm-bindgen-test-runner`; `make test` runs it).
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use super::*;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[derive(Properties, PartialEq)]
    struct HostProps {
        cards: Rc<Vec<Rc<CardDto>>>,
        highlight: Rc<Vec<String>>,
        on_mark: Callback<(ResumeId, MarkHow)>,
        on_id: Callback<ResumeId>,
    }

    /// The cards as the grid lays them out: keyed, with the grid's shared props.
    #[function_component(Host)]
    fn host(props: &HostProps) -> Html {
        html! {
            { for props.cards.iter().map(|c| html! {
                <CardView key={c.id} card={c.clone()} highlight={props.highlight.clone()}
                    selected=false marked=false on_mark={props.on_mark.clone()}
                    on_retry={props.on_id.clone()} on_open={props.on_id.clone()} />
            }) }
        }
    }

    fn renders() -> Vec<(ResumeId, usize)> {
        let mut counts: Vec<(ResumeId, usize)> =
            RENDERS.with(|r| r.borrow().iter().map(|(k, v)| (*k, *v)).collect());
        counts.sort_unstable();
        counts
    }

    #[wasm_bindgen_test]
    async fn a_batch_re_renders_only_the_cards_it_changed() {
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let cards: Vec<Rc<CardDto>> = (1..=3)
            .map(|id| Rc::new(CardDto::pending(id, &format!("{id}.pdf"))))
            .collect();
        let props = |cards: Vec<Rc<CardDto>>| HostProps {
            cards: Rc::new(cards),
            highlight: Rc::default(),
            on_mark: Callback::noop(),
            on_id: Callback::noop(),
        };
        let first = props(cards.clone());
        let (highlight, on_mark, on_id) = (
            first.highlight.clone(),
            first.on_mark.clone(),
            first.on_id.clone(),
        );
        let mut app = yew::Renderer::<Host>::with_root_and_props(root, first).render();
        gloo_timers::future::TimeoutFuture::new(10).await;
        assert_eq!(renders(), vec![(1, 1), (2, 1), (3, 1)]);

        // Card 2 changes; 1 and 3 are the same Rc: only card 2 renders again.
        let mut next = cards.clone();
        let mut changed = (*cards[1]).clone();
        changed.status = ParseStatus::Completed;
        changed.name = Some("Jane Doe".into());
        next[1] = Rc::new(changed);
        app.update(HostProps {
            cards: Rc::new(next),
            highlight,
            on_mark,
            on_id,
        });
        gloo_timers::future::TimeoutFuture::new(10).await;
        assert_eq!(renders(), vec![(1, 1), (2, 2), (3, 1)]);
    }

    fn document() -> web_sys::Document {
        web_sys::window().unwrap().document().unwrap()
    }
}
