//! The reducer's behaviour, action by action.

use super::*;

fn card(id: ResumeId, status: ParseStatus, updated_at: i64) -> CardDto {
    CardDto {
        status,
        updated_at,
        ..CardDto::pending(id, &format!("{id}.pdf"))
    }
}

/// A one-file import whose resume, Jane Doe's, parsed.
fn jane_doe_parsed(import_id: u64) -> ImportFinished {
    ImportFinished {
        import_id,
        completed: 1,
        failed: 0,
        duplicates: 0,
        left_pending: 0,
        problem: None,
        single_name: Some("Jane Doe".into()),
        single_failure: None,
    }
}

fn reduce(deck: Rc<Deck>, action: Action) -> Rc<Deck> {
    deck.reduce(action)
}

/// The default view's order arriving.
fn ordered(ids: Vec<ResumeId>) -> Action {
    Action::Ordered(
        QueryDto::default(),
        QueryResult {
            ids,
            counts: StatusCounts::default(),
            scores: Vec::new(),
        },
    )
}

#[test]
fn a_batch_updates_only_the_cards_it_names() {
    let deck = reduce(
        Rc::default(),
        Action::Loaded(vec![
            card(1, ParseStatus::Pending, 1),
            card(2, ParseStatus::Pending, 1),
        ]),
    );
    let untouched = deck.cards.all()[&2].clone();
    let deck = reduce(
        deck,
        Action::Apply(vec![card(1, ParseStatus::Completed, 2)]),
    );
    assert_eq!(deck.cards.all()[&1].status, ParseStatus::Completed);
    // Same Rc: the unchanged card's props compare equal without a deep comparison.
    assert!(Rc::ptr_eq(&deck.cards.all()[&2], &untouched));
}

#[test]
fn optimistic_retry_then_revert() {
    let mut failed = card(1, ParseStatus::Failed, 5);
    failed.error = Some(cvdeck_wire::FailureDto {
        kind: "corrupt".into(),
        message: "damaged".into(),
    });
    let deck = reduce(Rc::default(), Action::Loaded(vec![failed.clone()]));
    let deck = reduce(deck, Action::RetryRequested(1));
    assert_eq!(deck.cards.all()[&1].status, ParseStatus::Processing);
    assert_eq!(deck.cards.all()[&1].error, None);
    let deck = reduce(deck, Action::RetryFailed(1, "library is locked".into()));
    assert_eq!(*deck.cards.all()[&1], failed);
    assert_eq!(
        deck.toasts.shown().last().unwrap().text,
        "Retry could not start: library is locked"
    );
}

#[test]
fn a_late_poll_does_not_undo_a_newer_event() {
    let deck = reduce(
        Rc::default(),
        Action::Apply(vec![card(1, ParseStatus::Completed, 10)]),
    );
    let deck = reduce(
        deck,
        Action::Apply(vec![card(1, ParseStatus::Processing, 9)]),
    );
    assert_eq!(deck.cards.all()[&1].status, ParseStatus::Completed);
    assert!(deck.active_ids().is_empty());
}

#[test]
fn a_single_resume_gets_its_own_toast_and_a_bulk_import_one_summary() {
    let started = |id, queued| {
        Action::ImportStarted(ImportStarted {
            import_id: id,
            queued,
            duplicates: 0,
            rejected: 0,
        })
    };
    let mut done = card(1, ParseStatus::Completed, 2);
    done.name = Some("Jane Doe".into());
    let deck = reduce(Rc::default(), started(1, 1));
    let deck = reduce(deck, Action::Apply(vec![done]));
    let deck = reduce(deck, Action::ImportFinished(jane_doe_parsed(1)));
    assert_eq!(
        deck.toasts
            .shown()
            .iter()
            .map(|t| t.text.to_string())
            .collect::<Vec<_>>(),
        vec!["Resume for Jane Doe parsed successfully"]
    );

    let deck = reduce(Rc::default(), started(2, 300));
    let deck = reduce(
        deck,
        Action::Apply(
            (10..300)
                .map(|i| card(i, ParseStatus::Completed, 2))
                .collect(),
        ),
    );
    assert!(deck.toasts.shown().is_empty());
    let deck = reduce(
        deck,
        Action::ImportFinished(ImportFinished {
            import_id: 2,
            completed: 298,
            failed: 2,
            duplicates: 0,
            left_pending: 0,
            problem: None,
            single_name: None,
            single_failure: None,
        }),
    );
    assert_eq!(deck.toasts.shown()[0].text, "298 parsed, 2 failed");
    assert_eq!(deck.progress(), None);
}

#[test]
fn toast_does_not_depend_on_whether_import_started_arrived_first() {
    // The finished event can overtake the command's answer: the toast must not change.
    let finished = jane_doe_parsed(9);
    let deck = reduce(Rc::default(), Action::ImportFinished(finished));
    assert_eq!(
        deck.toasts.shown()[0].text,
        "Resume for Jane Doe parsed successfully"
    );
}

#[test]
fn new_cards_lead_the_default_view_and_wait_for_a_refresh_in_a_filtered_one() {
    let deck = reduce(Rc::default(), ordered(vec![2, 1]));
    let deck = reduce(
        deck,
        Action::Apply(vec![
            card(3, ParseStatus::Pending, 1),
            card(4, ParseStatus::Pending, 1),
        ]),
    );
    assert_eq!(*deck.order, vec![4, 3, 2, 1]);
    assert!(deck.stale, "the chips' counts must be asked for again");

    let deck = reduce(deck, Action::FilterStatus(Some(ParseStatus::Failed)));
    let generation = deck.query_generation;
    let deck = reduce(deck, Action::Apply(vec![card(5, ParseStatus::Pending, 1)]));
    assert!(
        !deck.order.contains(&5),
        "a filtered view waits for the backend's answer"
    );
    assert_eq!(deck.query_generation, generation);
}

#[test]
fn an_answer_for_an_old_query_is_ignored() {
    let deck = reduce(Rc::default(), Action::Search("rust".into()));
    let old = QueryDto::default();
    let deck = reduce(
        deck,
        Action::Ordered(
            old,
            QueryResult {
                ids: vec![1, 2, 3],
                counts: StatusCounts::default(),
                scores: Vec::new(),
            },
        ),
    );
    assert!(deck.order.is_empty());
    assert!(!deck.loaded);
}

#[test]
fn a_late_last_export_event_does_not_leave_the_bar_behind() {
    let deck = reduce(Rc::default(), Action::Exporting(Some((5, 10))));
    assert_eq!(deck.exporting, Some((5, 10)));
    let deck = reduce(deck, Action::Exporting(None));
    let deck = reduce(deck, Action::Exporting(Some((10, 10))));
    assert_eq!(deck.exporting, None);
}

#[test]
fn only_edits_ask_for_the_filters_choices_again() {
    let deck = reduce(Rc::default(), Action::Refresh);
    assert_eq!((deck.refresh, deck.edits), (1, 0));
    let deck = reduce(deck, Action::Edited);
    assert_eq!((deck.refresh, deck.edits), (2, 1));
}

#[test]
fn a_language_filters_until_cleared() {
    let deck = reduce(Rc::default(), Action::Language(Some("de".into())));
    assert_eq!(deck.query.language.as_deref(), Some("de"));
    assert!(!deck.is_unfiltered());
    let deck = reduce(deck, Action::ClearFilters);
    assert_eq!(deck.query.language, None);
    assert!(deck.is_unfiltered());
}

#[test]
fn searching_ranks_by_relevance_until_the_search_is_cleared() {
    let deck = reduce(Rc::default(), Action::Search("  müller ".into()));
    assert_eq!(deck.query.search.as_deref(), Some("müller"));
    assert_eq!(deck.query.sort, SortKey::Relevance);
    let deck = reduce(deck, Action::Search(String::new()));
    assert_eq!(
        (deck.query.search.clone(), deck.query.sort),
        (None, SortKey::Newest)
    );
    let deck = reduce(deck, Action::Sort(SortKey::Name));
    let deck = reduce(deck, Action::Search("go".into()));
    assert_eq!(deck.query.sort, SortKey::Name, "a chosen order is kept");
}

#[test]
fn a_deletion_hides_the_card_until_undone_or_carried_out() {
    let deck = reduce(Rc::default(), ordered(vec![2, 1]));
    let deck = reduce(deck, Action::OpenDetail(2));
    let deck = reduce(deck, Action::DeleteRequested(vec![2], "Jane Doe".into()));
    assert_eq!(*deck.visible_order(), vec![1]);
    assert_eq!(deck.detail, None);
    let undo = Rc::new(vec![2]);
    assert_eq!(
        deck.toasts.shown()[0].action,
        Some(ToastAction::UndoDelete(undo.clone()))
    );
    let undone = reduce(deck.clone(), Action::UndoDelete(undo));
    assert_eq!(*undone.visible_order(), vec![2, 1]);
    assert!(undone.toasts.shown().is_empty());
    let gone = reduce(deck, Action::Deleted(vec![2]));
    assert_eq!(*gone.order, vec![1]);
    assert!(gone.deleting.is_empty());
}

#[test]
fn ctrl_and_shift_clicks_mark_cards_and_a_new_query_forgets_them() {
    let deck = reduce(Rc::default(), ordered(vec![5, 4, 3, 2, 1]));
    let deck = reduce(deck, Action::Mark(4, MarkHow::Toggle));
    let deck = reduce(deck, Action::Mark(2, MarkHow::Range));
    assert_eq!(
        deck.marked.ids().iter().copied().collect::<Vec<_>>(),
        vec![2, 3, 4]
    );
    let deck = reduce(deck, Action::Mark(3, MarkHow::Toggle));
    assert_eq!(
        deck.marked.ids().iter().copied().collect::<Vec<_>>(),
        vec![2, 4]
    );
    // A bulk deletion unmarks what it hides; select-all takes what is shown.
    let deck = reduce(
        deck,
        Action::DeleteRequested(vec![2, 4], "2 resumes".into()),
    );
    assert!(deck.marked.is_empty());
    let deck = reduce(deck, Action::MarkAll);
    assert_eq!(
        deck.marked.ids().iter().copied().collect::<Vec<_>>(),
        vec![1, 3, 5]
    );
    let deck = reduce(deck, Action::Search("go".into()));
    assert!(deck.marked.is_empty());
}

#[test]
fn the_default_view_refreshes_only_its_counts_after_events() {
    let deck = reduce(
        Rc::default(),
        Action::Apply(vec![card(1, ParseStatus::Pending, 1)]),
    );
    assert!(deck.stale && deck.is_unfiltered());
    let deck = reduce(deck, Action::RefreshCounts);
    assert_eq!(
        (deck.stale, deck.counts_refresh, deck.refresh),
        (false, 1, 0)
    );
    let counts = StatusCounts {
        completed: 7,
        ..StatusCounts::default()
    };
    let deck = reduce(deck, Action::Counted(counts));
    assert_eq!(deck.counts, counts);
    // A filtered view's counts come with its order, never from the library-wide count.
    let deck = reduce(deck, Action::FilterStatus(Some(ParseStatus::Failed)));
    let deck = reduce(deck, Action::Counted(StatusCounts::default()));
    assert_eq!(deck.counts, counts);
}

#[test]
fn a_fast_import_that_finished_before_its_start_answer_leaves_no_progress_bar() {
    // Regression: the progress bar stayed at "0 / 1" after a one-file import whose
    // finished event overtook the command's answer and a late progress event.
    let finished = jane_doe_parsed(4);
    let deck = reduce(Rc::default(), Action::ImportFinished(finished));
    let deck = reduce(
        deck,
        Action::Progress(ImportProgress {
            import_id: 4,
            done: 0,
            failed: 0,
            total: 1,
        }),
    );
    let deck = reduce(
        deck,
        Action::ImportStarted(ImportStarted {
            import_id: 4,
            queued: 1,
            duplicates: 0,
            rejected: 0,
        }),
    );
    assert_eq!(deck.progress(), None);
}

fn job(id: JobId, title: &str) -> JobDto {
    JobDto {
        id,
        title: title.to_owned(),
        requirements: cvdeck_wire::RequirementsDto::default(),
    }
}

#[test]
fn a_new_job_is_chosen_and_ranks_the_grid_until_it_is_put_away() {
    let mut deck = Rc::new(Deck::default());
    deck = reduce(deck, Action::Search("rust".into()));
    assert_eq!(deck.query.sort, SortKey::Relevance);
    deck = reduce(deck, Action::JobSaved(job(7, "Backend Engineer")));
    assert_eq!((deck.query.job, deck.query.sort), (Some(7), SortKey::Fit));
    assert!(!deck.is_unfiltered());
    assert_eq!(
        deck.job().map(|j| j.title.as_str()),
        Some("Backend Engineer")
    );
    deck = reduce(
        deck.clone(),
        Action::Ordered(
            deck.query.clone(),
            QueryResult {
                ids: vec![3, 1],
                counts: StatusCounts::default(),
                scores: vec![90, 40],
            },
        ),
    );
    assert_eq!(deck.scores.get(&3), Some(&90));
    // Saving its requirements again keeps it and asks for the ranking again.
    let (revision, refresh) = (deck.job_revision, deck.refresh);
    deck = reduce(deck, Action::JobSaved(job(7, "Backend Engineer (Go)")));
    assert_eq!(
        (deck.job_revision, deck.refresh),
        (revision + 1, refresh + 1)
    );
    deck = reduce(deck, Action::FitFilter(true, Some(50)));
    assert!(deck.query.all_required);
    // Clearing the filters keeps the job; putting it away drops its filters.
    deck = reduce(deck, Action::ClearFilters);
    assert_eq!((deck.query.job, deck.query.sort), (Some(7), SortKey::Fit));
    deck = reduce(deck, Action::FitFilter(true, None));
    deck = reduce(deck, Action::ChooseJob(None));
    assert_eq!(deck.query.sort, SortKey::Newest);
    assert!(!deck.query.all_required);
    deck = reduce(deck, Action::ChooseJob(Some(7)));
    deck = reduce(deck, Action::JobDeleted(7));
    assert_eq!(deck.query.job, None);
    assert!(deck.jobs.is_empty());
}

#[test]
fn a_burst_of_toasts_does_not_push_out_an_undo() {
    let mut deck = Rc::new(Deck::default());
    deck = reduce(deck, Action::DeleteRequested(vec![4], "Jane Doe".into()));
    for i in 0..8 {
        deck = reduce(deck, Action::Toast(ToastKind::Info, format!("news {i}")));
    }
    assert_eq!(deck.toasts.shown().len(), 5);
    assert!(
        deck.toasts.shown().iter().any(|t| t.action.is_some()),
        "the Undo toast went without a word: its deletion would never happen"
    );
}

#[test]
fn the_panel_closes_when_the_filter_no_longer_shows_its_resume() {
    let mut deck = reduce(Rc::new(Deck::default()), ordered(vec![3, 2, 1]));
    deck = reduce(deck, Action::OpenDetail(2));
    deck = reduce(deck, Action::Search("rust".into()));
    deck = reduce(
        deck.clone(),
        Action::Ordered(
            deck.query.clone(),
            QueryResult {
                ids: vec![3, 2],
                counts: StatusCounts::default(),
                scores: Vec::new(),
            },
        ),
    );
    assert_eq!(deck.detail, Some(2), "still shown: stays open");
    deck = reduce(deck, Action::Search("go".into()));
    deck = reduce(
        deck.clone(),
        Action::Ordered(
            deck.query.clone(),
            QueryResult {
                ids: vec![1],
                counts: StatusCounts::default(),
                scores: Vec::new(),
            },
        ),
    );
    assert_eq!(deck.detail, None);
}

#[test]
fn counts_follow_the_cards_at_once_and_a_pending_delete_counts_as_gone() {
    let mut deck = reduce(Rc::new(Deck::default()), ordered(vec![]));
    deck = reduce(
        deck,
        Action::Apply(vec![
            card(1, ParseStatus::Pending, 1),
            card(2, ParseStatus::Pending, 1),
        ]),
    );
    assert_eq!((deck.counts.pending, deck.counts.completed), (2, 0));
    deck = reduce(
        deck,
        Action::Apply(vec![card(1, ParseStatus::Completed, 2)]),
    );
    assert_eq!((deck.counts.pending, deck.counts.completed), (1, 1));
    // A card never loaded but in the order: its old status is unknown, counts wait.
    deck = reduce(deck, Action::Loaded(vec![]));
    let mut known = (*deck).clone();
    known.order = Rc::new(vec![3, 2, 1]);
    let deck = reduce(
        Rc::new(known),
        Action::Apply(vec![card(3, ParseStatus::Failed, 5)]),
    );
    assert_eq!(deck.counts.failed, 0);
    let deck = reduce(deck, Action::DeleteRequested(vec![1], "Jane Doe".into()));
    assert_eq!(deck.shown_counts().completed, 0);
    assert_eq!(
        deck.counts.completed, 1,
        "the library still has it until the toast goes"
    );
}

#[test]
fn a_kept_view_comes_back_without_a_job_that_is_gone() {
    let view = QueryDto {
        search: Some("rust".into()),
        sort: SortKey::Fit,
        job: Some(9),
        ..QueryDto::default()
    };
    let deck = reduce(
        Rc::new(Deck::default()),
        Action::Restored(Some(view.clone())),
    );
    assert!(deck.restored);
    assert_eq!(
        deck.query, view,
        "the jobs have not arrived: kept until they do"
    );
    let deck = reduce(deck, Action::Jobs(vec![job(3, "Other")]));
    assert_eq!(
        (deck.query.job, deck.query.sort),
        (None, SortKey::Relevance)
    );
    assert_eq!(deck.query.search.as_deref(), Some("rust"));

    let deck = reduce(Rc::new(Deck::default()), Action::Jobs(vec![]));
    let deck = reduce(deck, Action::Restored(Some(view)));
    assert_eq!(
        deck.query.job, None,
        "the jobs are known and it is not among them"
    );
    let deck = reduce(Rc::new(Deck::default()), Action::Restored(None));
    assert!(deck.restored);
    assert_eq!(deck.query, QueryDto::default());
}

/// Six deletions in a row behind Undo: the sixth toast used to be pushed out as it arrived
/// (it had no Undo yet) and its Undo then overwrote the fifth's, so one deletion could no
/// longer be undone and the other was never carried out.
#[test]
fn sixth_undo_toast_does_not_take_the_fifths_undo() {
    let mut deck = Rc::new(Deck::default());
    for id in 1..=6 {
        deck = reduce(
            deck,
            Action::DeleteRequested(vec![id], format!("resume {id}")),
        );
    }
    let undos: Vec<_> = deck
        .toasts
        .shown()
        .iter()
        .map(|t| t.action.clone())
        .collect();
    let expected: Vec<_> = (1..=6)
        .map(|id| Some(ToastAction::UndoDelete(Rc::new(vec![id]))))
        .collect();
    assert_eq!(undos, expected);
}

/// The chips read "Failed 1" for a card already shown as processing after Retry, then
/// "All 8 · Failed 2" for seven cards once it failed again: the optimistic retry moved the
/// card but not its count.
#[test]
fn retried_card_moves_its_count_with_it() {
    let counts = |failed, processing| StatusCounts {
        completed: 6,
        failed,
        processing,
        ..StatusCounts::default()
    };
    let mut deck = reduce(
        Rc::default(),
        Action::Ordered(
            QueryDto::default(),
            QueryResult {
                ids: (1..=7).rev().collect(),
                counts: counts(1, 0),
                scores: Vec::new(),
            },
        ),
    );
    let mut cards: Vec<CardDto> = (1..=6)
        .map(|id| card(id, ParseStatus::Completed, 1))
        .collect();
    cards.push(card(7, ParseStatus::Failed, 1));
    deck = reduce(deck, Action::Loaded(cards));
    deck = reduce(deck, Action::RetryRequested(7));
    assert_eq!(deck.shown_counts(), counts(0, 1));
    deck = reduce(
        deck,
        Action::Apply(vec![card(7, ParseStatus::Processing, 2)]),
    );
    deck = reduce(deck, Action::Apply(vec![card(7, ParseStatus::Failed, 3)]));
    assert_eq!(deck.shown_counts(), counts(1, 0));
    // A retry that could not start puts the count back with the card.
    deck = reduce(deck, Action::RetryRequested(7));
    deck = reduce(deck, Action::RetryFailed(7, "library is locked".into()));
    assert_eq!(deck.shown_counts(), counts(1, 0));
}

/// With a search, a card the grid shows that finished parsing moved from "Processing" to
/// "Completed" in the grid a second before it did in the chips.
#[test]
fn a_filtered_view_moves_its_counts_with_its_cards() {
    let mut deck = reduce(Rc::default(), Action::Search("rust".into()));
    let query = deck.query.clone();
    deck = reduce(
        deck,
        Action::Ordered(
            query,
            QueryResult {
                ids: vec![2, 1],
                counts: StatusCounts {
                    processing: 1,
                    completed: 1,
                    ..StatusCounts::default()
                },
                scores: Vec::new(),
            },
        ),
    );
    deck = reduce(
        deck,
        Action::Loaded(vec![
            card(1, ParseStatus::Completed, 1),
            card(2, ParseStatus::Processing, 1),
            card(3, ParseStatus::Processing, 1),
        ]),
    );
    // Card 3 is loaded but not in this view: its change moves nothing here.
    deck = reduce(
        deck,
        Action::Apply(vec![
            card(2, ParseStatus::Completed, 2),
            card(3, ParseStatus::Completed, 2),
        ]),
    );
    assert_eq!(
        deck.shown_counts(),
        StatusCounts {
            completed: 2,
            ..StatusCounts::default()
        }
    );
    assert!(deck.stale, "the library's counts are still asked for");
}
