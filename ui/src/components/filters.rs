//! The filter bar: search, status chips with live counts, skills, years, language, sort,
//! export.

use crate::context::use_deck_dispatch;
use crate::ipc;
use crate::state::Action;
use cvdeck_wire::{
    ExportFormat, LanguageCountDto, ParseStatus, QueryDto, SkillCountDto, SortKey, StatusCounts,
    TagCountDto,
};
use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Typing pause before a search runs.
const DEBOUNCE_MS: u32 = 250;

/// The filter bar's props.
#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    /// The current query.
    pub query: QueryDto,
    /// Counts for the chips.
    pub counts: StatusCounts,
    /// Moves when the person edited the library (tags, corrections): the choices reload.
    pub facets_version: u64,
    /// Cards shown.
    pub shown: usize,
    /// Export what is shown.
    pub on_export: Callback<ExportFormat>,
}

fn sort_label(sort: SortKey) -> &'static str {
    match sort {
        SortKey::Newest => "Newest first",
        SortKey::Oldest => "Oldest first",
        SortKey::Name => "Name",
        SortKey::Experience => "Most experience",
        SortKey::Updated => "Last updated",
        SortKey::Relevance => "Best match",
        SortKey::Fit => "Best fit to the job",
    }
}

fn parse_years(input: &HtmlInputElement) -> Option<u32> {
    input.value().trim().parse().ok()
}

/// The filter bar.
#[function_component(Filters)]
pub fn filters(props: &FiltersProps) -> Html {
    let dispatch = use_deck_dispatch();
    let send = |make: fn(String) -> Action| {
        let d = dispatch.clone();
        Callback::from(move |v: String| d.dispatch(make(v)))
    };
    let (emit_search, emit_add_skill, emit_remove_skill) = (
        send(Action::Search),
        send(Action::AddSkill),
        send(Action::RemoveSkill),
    );
    let (emit_add_tag, emit_remove_tag) = (send(Action::AddTag), send(Action::RemoveTag));
    let emit_status = {
        let d = dispatch.clone();
        Callback::from(move |s: Option<ParseStatus>| d.dispatch(Action::FilterStatus(s)))
    };
    let emit_years = {
        let d = dispatch.clone();
        Callback::from(move |(min, max): (Option<u32>, Option<u32>)| {
            d.dispatch(Action::Years(min, max))
        })
    };
    let emit_language = {
        let d = dispatch.clone();
        Callback::from(move |l: Option<String>| d.dispatch(Action::Language(l)))
    };
    let emit_sort = {
        let d = dispatch.clone();
        Callback::from(move |s: SortKey| d.dispatch(Action::Sort(s)))
    };
    let emit_clear = Callback::from(move |_: ()| dispatch.dispatch(Action::ClearFilters));
    let debounce = use_mut_ref(|| None::<Timeout>);
    let facets = use_state(Vec::<SkillCountDto>::new);
    let languages = use_state(Vec::<LanguageCountDto>::new);
    let tags = use_state(Vec::<TagCountDto>::new);
    let min_ref = use_node_ref();
    let search_ref = use_node_ref();
    {
        // The box is not bound to the query (that would eat trailing spaces while typing): it
        // is set only when the search changed from elsewhere (cleared, or the view kept from
        // the last time put back).
        let search_ref = search_ref.clone();
        use_effect_with(props.query.search.clone(), move |search| {
            if let Some(input) = search_ref.cast::<HtmlInputElement>() {
                let wanted = search.as_deref().unwrap_or("");
                if input.value().trim() != wanted {
                    input.set_value(wanted);
                }
            }
        });
    }
    let max_ref = use_node_ref();
    {
        let (facets, languages, tags) = (facets.clone(), languages.clone(), tags.clone());
        use_effect_with(
            (props.query.clone(), props.facets_version),
            move |(query, _)| {
                let query = query.clone();
                spawn_local(async move {
                    if let Ok(found) = ipc::tag_facets(query.clone()).await {
                        tags.set(found);
                    }
                    if let Ok(skills) = ipc::skill_facets(query.clone()).await {
                        facets.set(skills);
                    }
                    if let Ok(found) = ipc::language_facets(query).await {
                        languages.set(found);
                    }
                });
            },
        );
    }
    let on_tag_change = {
        let on_add = emit_add_tag.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<HtmlSelectElement>();
            let value = select.value();
            select.set_value("");
            if !value.is_empty() {
                on_add.emit(value);
            }
        })
    };
    let on_language = {
        let on_language = emit_language.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_language.emit((!value.is_empty()).then_some(value));
        })
    };

    let oninput = {
        let (debounce, on_search) = (debounce.clone(), emit_search.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let on_search = on_search.clone();
            *debounce.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || on_search.emit(value)));
        })
    };
    let on_search_key = {
        let on_search = emit_search.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                let input = e.target_unchecked_into::<HtmlInputElement>();
                input.set_value("");
                on_search.emit(String::new());
            }
        })
    };
    let on_skill_key = {
        let on_add = emit_add_skill.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                let input = e.target_unchecked_into::<HtmlInputElement>();
                let skill = input.value().trim().to_owned();
                if !skill.is_empty() {
                    on_add.emit(skill);
                    input.set_value("");
                }
            }
        })
    };
    let on_skill_change = {
        let (on_add, facets) = (emit_add_skill.clone(), facets.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let value = input.value();
            // Picking from the list adds at once; typed text waits for Enter.
            if facets.iter().any(|f| f.skill == value) {
                on_add.emit(value);
                input.set_value("");
            }
        })
    };
    let on_years = {
        let (on_years, min_ref, max_ref) = (emit_years.clone(), min_ref.clone(), max_ref.clone());
        Callback::from(move |_: Event| {
            let min = min_ref
                .cast::<HtmlInputElement>()
                .and_then(|i| parse_years(&i));
            let max = max_ref
                .cast::<HtmlInputElement>()
                .and_then(|i| parse_years(&i));
            on_years.emit((min, max));
        })
    };
    let on_sort = {
        let on_sort = emit_sort.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(sort) = SortKey::ALL.into_iter().find(|s| s.as_str() == value) {
                on_sort.emit(sort);
            }
        })
    };

    let c = props.counts;
    let total = c.pending + c.processing + c.completed + c.failed;
    let chip = |label: &'static str, status: Option<ParseStatus>, n: u64| {
        let active = props.query.status == status;
        let on_status = emit_status.clone();
        let class = classes!(
            "status-chip",
            status.map(ParseStatus::as_str).unwrap_or("all"),
            active.then_some("active")
        );
        html! {
            <button class={class} aria-pressed={active.to_string()} onclick={Callback::from(move |_| on_status.emit(status))}>
                { label }<span class="n">{ n }</span>
            </button>
        }
    };
    let q = &props.query;
    let filtered = q.search.is_some()
        || q.status.is_some()
        || !q.skills.is_empty()
        || q.min_years.is_some()
        || q.max_years.is_some()
        || q.language.is_some()
        || !q.tags.is_empty();
    let export = |format: ExportFormat, label: &'static str, class: &'static str| {
        let on_export = props.on_export.clone();
        html! { <button class={classes!("export", class)} disabled={props.shown == 0} onclick={Callback::from(move |_| on_export.emit(format))}>{ label }</button> }
    };
    // Below 900 px the filters beyond search and status fold behind one button (styles.css);
    // the button says how many of them are set.
    let more = use_state(|| false);
    let set = q.skills.len()
        + q.tags.len()
        + usize::from(q.min_years.is_some() || q.max_years.is_some())
        + usize::from(q.language.is_some());
    let on_more = {
        let more = more.clone();
        Callback::from(move |_: MouseEvent| more.set(!*more))
    };
    html! {
        <div class={classes!("filters", (*more).then_some("open"))} role="search">
            <input id="search" type="search" class="search" placeholder="Search names, skills, companies, schools… ( / )"
                aria-label="Search resumes" ref={search_ref}
                oninput={oninput} onkeydown={on_search_key} />
            <div class="chips" role="group" aria-label="Status">
                { chip("All", None, total) }
                // Always there: a chip that came and went moved the others under the pointer.
                { chip("Pending", Some(ParseStatus::Pending), c.pending) }
                { chip("Processing", Some(ParseStatus::Processing), c.processing) }
                { chip("Completed", Some(ParseStatus::Completed), c.completed) }
                { chip("Failed", Some(ParseStatus::Failed), c.failed) }
            </div>
            <button class="filters-toggle" aria-expanded={more.to_string()} onclick={on_more}>
                { if set > 0 { format!("Filters ({set}) ▾") } else { "Filters ▾".to_owned() } }
            </button>
            <div class="more-filters">
            <div class="skill-filter">
                { for props.query.skills.iter().map(|s| {
                    let (on_remove, skill) = (emit_remove_skill.clone(), s.clone());
                    html! {
                        <button class="chip skill-chip" aria-label={format!("Remove skill filter {s}")}
                            onclick={Callback::from(move |_| on_remove.emit(skill.clone()))}>{ s }{ " ×" }</button>
                    }
                }) }
                <input class="skill-input" list="skill-options" placeholder="+ skill" aria-label="Filter by skill"
                    onkeydown={on_skill_key} onchange={on_skill_change} />
                <datalist id="skill-options">
                    { for facets.iter().map(|f| html! { <option value={f.skill.clone()}>{ format!("{} ({})", f.skill, f.count) }</option> }) }
                </datalist>
            </div>
            if !tags.is_empty() || !q.tags.is_empty() {
                <div class="tag-filter">
                    { for q.tags.iter().map(|t| {
                        let (on_remove, tag) = (emit_remove_tag.clone(), t.clone());
                        html! {
                            <button class="chip tag-chip" aria-label={format!("Remove tag filter {t}")}
                                onclick={Callback::from(move |_| on_remove.emit(tag.clone()))}>{ "#" }{ t }{ " ×" }</button>
                        }
                    }) }
                    <select class="tag-select" aria-label="Filter by tag" onchange={on_tag_change}>
                        <option value="" selected=true>{ "+ tag" }</option>
                        { for tags.iter().filter(|t| !q.tags.contains(&t.tag)).map(|t| html! {
                            <option value={t.tag.clone()}>{ format!("{} ({})", t.tag, t.count) }</option>
                        }) }
                    </select>
                </div>
            }
            <label class="years">{ "Years" }
                <input ref={min_ref} type="number" min="0" max="60" placeholder="min" aria-label="At least this many years"
                    value={props.query.min_years.map(|y| y.to_string()).unwrap_or_default()} onchange={on_years.clone()} />
                { "–" }
                <input ref={max_ref} type="number" min="0" max="60" placeholder="max" aria-label="At most this many years"
                    value={props.query.max_years.map(|y| y.to_string()).unwrap_or_default()} onchange={on_years} />
            </label>
            // Shown once there is a choice: more than one language, or one already chosen.
            if languages.len() > 1 || q.language.is_some() {
                <label class="language">{ "Language " }
                    <select aria-label="Language" onchange={on_language}>
                        <option value="" selected={q.language.is_none()}>{ "Any" }</option>
                        { for languages.iter().map(|l| html! {
                            <option value={l.language.clone()} selected={q.language.as_deref() == Some(l.language.as_str())}>
                                { format!("{} ({})", crate::languages::name(&l.language), l.count) }
                            </option>
                        }) }
                    </select>
                </label>
            }
            <label class="sort">{ "Sort " }
                <select aria-label="Sort" onchange={on_sort}>
                    { for SortKey::ALL.iter().filter(|s| match s {
                        SortKey::Relevance => props.query.search.is_some(),
                        SortKey::Fit => props.query.job.is_some(),
                        _ => true,
                    }).map(|s| html! {
                        <option value={s.as_str()} selected={*s == props.query.sort}>{ sort_label(*s) }</option>
                    }) }
                </select>
            </label>
            if filtered {
                <button class="clear" onclick={emit_clear.reform(|_| ())}>{ "Clear filters" }</button>
            }
            <span class="spacer"></span>
            <span class="shown">{ format!("{} shown", props.shown) }</span>
            { export(ExportFormat::Csv, "Export CSV", "csv") }
            { export(ExportFormat::ExcelCsv, "Export for Excel", "excel") }
            { export(ExportFormat::JsonResume, "Export JSON", "json") }
            </div>
        </div>
    }
}
