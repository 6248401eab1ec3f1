#![cfg(not(target_arch = "wasm32"))]
//! One test for every scenario's path table, `content/paths/<id>.json`: each row's answers give exactly its
//! questions, plan, messages and deadline dates; the rows cover every branch and reach every plan item; every text
//! on their paths is filled. A new scenario is its content file and its path table, no Rust to edit.

mod common;
use common::{check_branch_coverage, check_reaches_everything, check_table, check_texts_filled, path_table, paths_dir};

use claimdesk::scenario::{all, validate};

#[test]
fn every_scenario_has_a_path_table_and_every_table_a_scenario() {
    let mut tables: Vec<String> = std::fs::read_dir(paths_dir())
        .expect("content/paths exists")
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    tables.sort();
    let mut scenarios: Vec<String> = all().iter().map(|s| s.id.clone()).collect();
    scenarios.sort();
    assert_eq!(tables, scenarios);
}

#[test]
fn every_scenario_is_valid() {
    for s in all() {
        assert_eq!(validate(s), Vec::<String>::new(), "{}", s.id);
    }
}

#[test]
fn each_row_gives_its_exact_path_plan_messages_and_deadlines() {
    for s in all() {
        check_table(s, &path_table(&s.id).cases);
    }
}

#[test]
fn each_table_covers_every_value_of_every_branching_question() {
    for s in all() {
        check_branch_coverage(s, &path_table(&s.id).cases);
    }
}

#[test]
fn each_table_reaches_every_plan_item_message_and_deadline() {
    for s in all() {
        check_reaches_everything(s, &path_table(&s.id).cases);
    }
}

#[test]
fn texts_on_each_path_fill_every_answered_placeholder_in_every_language() {
    for s in all() {
        check_texts_filled(s, &path_table(&s.id).cases);
    }
}

#[test]
fn each_table_names_one_row_for_the_e2e_tour() {
    for s in all() {
        let table = path_table(&s.id);
        assert!(!table.about.trim().is_empty(), "{}: say what the table covers", s.id);
        assert_eq!(table.cases.iter().filter(|c| c.tour).count(), 1, "{}: one row marked tour", s.id);
        let mut names: Vec<&str> = table.cases.iter().map(|c| c.name.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), table.cases.len(), "{}: row names are unique", s.id);
    }
}
