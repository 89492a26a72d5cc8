//! The virtualised card grid: whatever the number of cards, only the rows in view (plus a
//! little overscan) are in the DOM; the cards themselves are loaded as they come into view.

use super::card::{CardPlaceholder, CardView};
use crate::state::MarkHow;
use cvdeck_wire::{CardDto, ResumeId};
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Card height in pixels (the stylesheet's `.card` height).
pub const CARD_HEIGHT: f64 = 176.0;
/// Gap between cards.
pub const GAP: f64 = 12.0;
/// Narrowest card.
pub const MIN_CARD_WIDTH: f64 = 260.0;
/// Grid padding on each side.
pub const PADDING: f64 = 16.0;
/// Rows rendered above and below the visible ones.
pub const OVERSCAN_ROWS: usize = 2;

/// Which part of the order is rendered, and where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// Cards per row.
    pub columns: usize,
    /// First rendered row.
    pub first_row: usize,
    /// Index in the order of the first rendered card.
    pub start: usize,
    /// One past the last rendered card.
    pub end: usize,
    /// Rows in all.
    pub rows: usize,
    /// Card slots for this viewport size: a card at index `i` is drawn by slot `i % slots`,
    /// so scrolling by a row refills one row of slots and leaves the others untouched.
    pub slots: usize,
    /// Width of one card.
    pub card_width: f64,
}

/// The rendered window for a viewport of `width` × `height` scrolled to `scroll_top`.
pub fn window_for(width: f64, height: f64, scroll_top: f64, count: usize) -> Window {
    let usable = (width - 2.0 * PADDING + GAP).max(0.0);
    let columns = ((usable / (MIN_CARD_WIDTH + GAP)).floor() as usize).max(1);
    let rows = count.div_ceil(columns);
    let row_height = CARD_HEIGHT + GAP;
    let top_row = ((scroll_top - PADDING).max(0.0) / row_height).floor() as usize;
    let visible_rows = (height / row_height).ceil() as usize + 1;
    let first_row = top_row.saturating_sub(OVERSCAN_ROWS).min(rows);
    let last_row = (top_row + visible_rows + OVERSCAN_ROWS).min(rows);
    let card_width =
        ((width - 2.0 * PADDING - (columns as f64 - 1.0) * GAP) / columns as f64).max(1.0);
    Window {
        columns,
        first_row,
        start: (first_row * columns).min(count),
        end: (last_row * columns).min(count),
        rows,
        slots: columns * (visible_rows + 2 * OVERSCAN_ROWS + 1),
        card_width,
    }
}

/// The grid's props.
#[derive(Properties, PartialEq)]
pub struct GridProps {
    /// Card ids in order.
    pub order: Rc<Vec<ResumeId>>,
    /// Loaded cards.
    pub cards: Rc<HashMap<ResumeId, Rc<CardDto>>>,
    /// The card with keyboard focus.
    pub selected: Option<ResumeId>,
    /// Cards marked for a bulk action.
    pub marked: Rc<BTreeSet<ResumeId>>,
    /// Mark or unmark (click with Ctrl/Cmd/Shift, the checkbox, Space).
    pub on_mark: Callback<(ResumeId, MarkHow)>,
    /// Ctrl/Cmd+A: mark every card shown.
    pub on_mark_all: Callback<()>,
    /// Esc with cards marked: unmark them.
    pub on_unmark: Callback<()>,
    /// Search words to mark.
    pub highlight: Rc<Vec<String>>,
    /// Changes when the user changes the query: back to the top.
    pub generation: u64,
    /// Retry a card.
    pub on_retry: Callback<ResumeId>,
    /// Open a card's details.
    pub on_open: Callback<ResumeId>,
    /// Move the keyboard focus.
    pub on_select: Callback<ResumeId>,
    /// Cards in view that are not loaded yet.
    pub on_need: Callback<Vec<ResumeId>>,
    /// With a job chosen: each card's fit score.
    #[prop_or_default]
    pub scores: Option<Rc<HashMap<ResumeId, u8>>>,
}

/// What the grid's keys act on, as of the last render.
#[derive(Clone)]
struct GridKeys {
    viewport: NodeRef,
    order: Rc<Vec<ResumeId>>,
    selected: Option<ResumeId>,
    columns: usize,
    height: f64,
    any_marked: bool,
    on_select: Callback<ResumeId>,
    on_open: Callback<ResumeId>,
    on_mark: Callback<(ResumeId, MarkHow)>,
    on_mark_all: Callback<()>,
    on_unmark: Callback<()>,
}

impl GridKeys {
    /// Arrows, PageUp/PageDown, Home/End move; Enter opens; Space marks; Ctrl+A marks all;
    /// Escape forgets the marks.
    fn handle(&self, e: &KeyboardEvent) {
        let order = &self.order;
        if order.is_empty() {
            return;
        }
        let current = self
            .selected
            .and_then(|id| order.iter().position(|o| *o == id));
        let columns = self.columns;
        let page = ((self.height / (CARD_HEIGHT + GAP)).floor() as usize).max(1) * columns;
        let last = order.len() - 1;
        let target = match (e.key().as_str(), current) {
            ("a" | "A", _) if e.ctrl_key() || e.meta_key() => {
                e.prevent_default();
                self.on_mark_all.emit(());
                return;
            }
            ("Escape", _) if self.any_marked => {
                e.prevent_default();
                self.on_unmark.emit(());
                return;
            }
            (" ", Some(i)) => {
                e.prevent_default();
                self.on_mark.emit((order[i], MarkHow::Toggle));
                return;
            }
            ("Enter", Some(i)) => {
                e.prevent_default();
                self.on_open.emit(order[i]);
                return;
            }
            ("ArrowRight", Some(i)) => (i + 1).min(last),
            ("ArrowLeft", Some(i)) => i.saturating_sub(1),
            ("ArrowDown", Some(i)) => (i + columns).min(last),
            ("ArrowUp", Some(i)) => i.saturating_sub(columns),
            ("PageDown", Some(i)) => (i + page).min(last),
            ("PageUp", Some(i)) => i.saturating_sub(page),
            ("Home", _) => 0,
            ("End", _) => last,
            ("ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp", None) => 0,
            _ => return,
        };
        e.prevent_default();
        self.on_select.emit(order[target]);
        if let Some(el) = self.viewport.cast::<HtmlElement>() {
            let row_height = CARD_HEIGHT + GAP;
            let top = PADDING + (target / columns) as f64 * row_height;
            let scroll = f64::from(el.scroll_top());
            let view = f64::from(el.client_height());
            if top < scroll {
                el.set_scroll_top(top as i32);
            } else if top + row_height > scroll + view {
                el.set_scroll_top((top + row_height - view) as i32);
            }
            // Keys typed on the page (after the panel closed, say) go on in the grid.
            let _ = el.focus();
        }
    }
}

/// A key is the grid's when nothing else has the focus (the page itself), or the grid or
/// something in it has it (a card, its checkbox) — never a text field, a toolbar button,
/// the detail panel or a dialog, whose keys are their own.
fn meant_for_the_grid(e: &KeyboardEvent) -> bool {
    if e.default_prevented() {
        return false;
    }
    let Some(target) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return true;
    };
    match target.tag_name().as_str() {
        "BODY" | "HTML" => true,
        _ => target.closest(".grid-viewport").ok().flatten().is_some(),
    }
}

fn measure(el: &HtmlElement) -> (f64, f64, f64) {
    (
        f64::from(el.client_width()),
        f64::from(el.client_height()),
        f64::from(el.scroll_top()),
    )
}

/// The grid.
#[function_component(Grid)]
pub fn grid(props: &GridProps) -> Html {
    let viewport = use_node_ref();
    // Width, height, scroll position: updated only when the rendered window would change.
    let metrics = use_state(|| (1024.0, 768.0, 0.0));
    let count = props.order.len();
    let window = window_for(metrics.0, metrics.1, metrics.2, count);

    {
        let (viewport, metrics) = (viewport.clone(), metrics.clone());
        use_effect_with((), move |_| {
            // The viewport changes size with the window and when the detail panel opens.
            let on_resize = {
                let viewport = viewport.clone();
                Closure::<dyn FnMut()>::new(move || {
                    if let Some(el) = viewport.cast::<HtmlElement>() {
                        metrics.set(measure(&el));
                    }
                })
            };
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(el)) = (&observer, viewport.cast::<HtmlElement>()) {
                observer.observe(&el);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    {
        let (viewport, metrics) = (viewport.clone(), metrics.clone());
        use_effect_with(props.generation, move |_| {
            if let Some(el) = viewport.cast::<HtmlElement>() {
                el.set_scroll_top(0);
                metrics.set(measure(&el));
            }
        });
    }
    {
        let missing: Vec<ResumeId> = props.order[window.start..window.end]
            .iter()
            .copied()
            .filter(|id| !props.cards.contains_key(id))
            .collect();
        let on_need = props.on_need.clone();
        use_effect_with(missing, move |missing| {
            if !missing.is_empty() {
                on_need.emit(missing.clone());
            }
        });
    }

    {
        // A User Timing mark the benchmarks read: when the first real cards are on screen.
        let shown = props.order[window.start..window.end]
            .iter()
            .any(|id| props.cards.contains_key(id));
        use_effect_with(shown, |shown| {
            if *shown {
                if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                    if perf.get_entries_by_name("cvdeck:first-cards").length() == 0 {
                        let _ = perf.mark("cvdeck:first-cards");
                    }
                }
            }
        });
    }

    let onscroll = {
        let (viewport, metrics) = (viewport.clone(), metrics.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = viewport.cast::<HtmlElement>() {
                let now = measure(&el);
                let (w, h, top) = *metrics;
                if window_for(w, h, top, count) != window_for(now.0, now.1, now.2, count) {
                    metrics.set(now);
                }
            }
        })
    };

    // The grid's keys are heard on the document, so that they work wherever the focus is
    // when it is not in a control: on a card just clicked, on the page after the panel
    // closed. The listener stays; what it acts on is refreshed on every render.
    let keys = use_mut_ref(|| None::<GridKeys>);
    *keys.borrow_mut() = Some(GridKeys {
        viewport: viewport.clone(),
        order: props.order.clone(),
        selected: props.selected,
        columns: window.columns,
        height: metrics.1,
        any_marked: !props.marked.is_empty(),
        on_select: props.on_select.clone(),
        on_open: props.on_open.clone(),
        on_mark: props.on_mark.clone(),
        on_mark_all: props.on_mark_all.clone(),
        on_unmark: props.on_unmark.clone(),
    });
    {
        let keys = keys.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                // Capture phase: before the app's own Escape (close the details), so that
                // Escape with cards marked only unmarks them.
                let options = EventListenerOptions {
                    phase: EventListenerPhase::Capture,
                    passive: false,
                };
                EventListener::new_with_options(&doc, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    // Cloned out first: what it calls re-renders the grid, which writes `keys`.
                    let current = keys.borrow().clone();
                    if let Some(grid_keys) = current.filter(|_| meant_for_the_grid(e)) {
                        grid_keys.handle(e);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let row_height = CARD_HEIGHT + GAP;
    let total_height = PADDING * 2.0 + window.rows as f64 * row_height;
    let active = props
        .selected
        .filter(|id| props.order[window.start..window.end].contains(id))
        .map(|id| format!("card-{id}"));
    // Each card is placed absolutely at its own row and column, keyed by slot: moving down
    // a row rewrites one row of slots; nothing else in the DOM changes.
    let slot = |index: usize, id: ResumeId| -> Html {
        let (row, column) = (index / window.columns, index % window.columns);
        let style = format!(
            "transform: translate({}px, {}px); width: {}px",
            PADDING + column as f64 * (window.card_width + GAP),
            PADDING + row as f64 * row_height,
            window.card_width
        );
        let content = match props.cards.get(&id) {
            Some(card) => html! {
                <CardView card={card.clone()} highlight={props.highlight.clone()}
                    selected={props.selected == Some(id)} marked={props.marked.contains(&id)}
                    fit={props.scores.as_ref().map(|s| s.get(&id).copied())}
                    on_mark={props.on_mark.clone()}
                    on_retry={props.on_retry.clone()} on_open={props.on_open.clone()} />
            },
            None => html! { <CardPlaceholder /> },
        };
        html! { <div key={index % window.slots} class="slot" style={style}>{ content }</div> }
    };
    html! {
        <div class="grid-viewport" ref={viewport} tabindex="0" role="grid" aria-label="Resumes"
             aria-rowcount={window.rows.to_string()} aria-activedescendant={active}
             id="grid" onscroll={onscroll}>
            <div class="grid-spacer" style={format!("height: {total_height}px")}>
                { for (window.start..window.end).map(|i| slot(i, props.order[i])) }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_stays_one_screen_plus_overscan_whatever_the_count() {
        for count in [0, 7, 1_000, 100_000] {
            let w = window_for(1280.0, 800.0, 0.0, count);
            assert_eq!(w.columns, 4);
            assert!(w.end - w.start <= 4 * (5 + 1 + OVERSCAN_ROWS), "{w:?}");
            assert_eq!(w.start, 0);
            assert_eq!(w.end, count.min(w.end));
        }
        // Deep in a 100,000-card grid: the rows around the scroll position, overscan included.
        let row = CARD_HEIGHT + GAP;
        let w = window_for(1280.0, 800.0, PADDING + 20_000.0 * row, 100_000);
        assert_eq!(w.first_row, 20_000 - OVERSCAN_ROWS);
        assert_eq!(w.start, (20_000 - OVERSCAN_ROWS) * 4);
        assert_eq!(w.end - w.start, 4 * (OVERSCAN_ROWS + 6 + OVERSCAN_ROWS));
        // Past the end: clamped.
        let w = window_for(1280.0, 800.0, 1e12, 10);
        assert!(w.start <= w.end && w.end <= 10);
    }

    #[test]
    fn narrow_windows_get_one_column() {
        assert_eq!(window_for(200.0, 600.0, 0.0, 10).columns, 1);
        assert_eq!(window_for(600.0, 600.0, 0.0, 10).columns, 2);
    }
}
