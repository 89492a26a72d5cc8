//! The reducer's dispatcher as a context: `App` provides it, and every component below
//! dispatches for itself instead of being handed callbacks through its parents.

use crate::state::Deck;
use yew::prelude::*;

/// The reducer's dispatcher, as `App` provides it to everything below it. It never changes,
/// so components that take it from the context are not rendered again for it.
pub type DeckDispatch = UseReducerDispatcher<Deck>;

/// The reducer's dispatcher from `App`'s context.
///
/// # Panics
/// Outside `App`'s context provider: every component that dispatches is rendered under it.
#[hook]
pub fn use_deck_dispatch() -> DeckDispatch {
    use_context::<DeckDispatch>().expect("rendered under App's DeckDispatch provider")
}
