//! The Reports page: the seller picks or drops report files; the files worker (its own wasm, started only here)
//! reads and analyses them off the main thread with a progress bar and Cancel; then what each file was read as,
//! each file's error, and the findings.

mod mapping;
mod outcome;
mod texts;

use leptos::prelude::*;

use super::announcer::announce;
use super::i18n::{t, use_lang, use_title_key};
use super::store::use_store;
use crate::adapters::files::{FileError, PickedFile};
use crate::adapters::files_worker::{self, FileBytes, RunningJob, WorkerFailure};
use crate::codec::report::job::request_json;
use crate::codec::report::outcome::{ImportOutcome, JobMessage, ProgressView};
use crate::codec::report::Limits;
use crate::i18n::{fill, tr, Key};

/// Where the import stands.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    /// Reading the files into memory, then in the worker (its last progress message, once there is one).
    Running(Option<ProgressView>),
    /// Ended without an outcome: cancelled, or the worker failed; the message says which.
    Stopped(Key),
}

#[component]
pub fn Reports() -> impl IntoView {
    use_title_key(Key::TitleReports);
    let lang = use_lang();
    let status = RwSignal::new(Status::Idle);
    let outcome = RwSignal::new(None::<ImportOutcome>);
    // Files the browser could not hand over (too large, unreadable): file name and why.
    let unread = RwSignal::new(Vec::<(String, Key)>::new());
    let job = StoredValue::new_local(None::<RunningJob>);
    // The files of the last import, read again once the seller maps a sheet the app did not recognise.
    let last_files = StoredValue::new_local(Vec::<PickedFile>::new());
    let mappings = use_store().prefs.report_mappings;

    let finish = move |result: Result<String, WorkerFailure>| {
        job.set_value(None); // terminates the worker: the next import starts a new one
        let message = result.ok().and_then(|json| JobMessage::parse(&json));
        match message {
            Some(JobMessage::Result(done)) => {
                let count = done.findings.len();
                outcome.set(Some(done));
                status.set(Status::Idle);
                announce(fill(tr(lang.get_untracked(), Key::ReportsDone), &[("n", &count.to_string())]));
            }
            Some(JobMessage::Cancelled) => status.set(Status::Stopped(Key::ReportsCancelled)),
            _ => status.set(Status::Stopped(Key::ReportsWorkerCrashed)),
        }
    };

    let import = move |picked: Vec<PickedFile>| {
        if picked.is_empty() {
            return;
        }
        last_files.set_value(picked.clone());
        job.set_value(None);
        outcome.set(None);
        unread.set(Vec::new());
        status.set(Status::Running(None));
        leptos::task::spawn_local(async move {
            let max = Limits::default().max_file_bytes as f64;
            let mut files = Vec::new();
            let mut refused = Vec::new();
            for file in &picked {
                match FileBytes::read(file, max).await {
                    Ok(bytes) => files.push(bytes),
                    Err(FileError::TooLarge) => refused.push((file.name(), Key::ReportErrorFileTooLarge)),
                    Err(FileError::Unreadable) => refused.push((file.name(), Key::ReportErrorUnreadable)),
                }
            }
            unread.set(refused);
            if files.is_empty() {
                status.set(Status::Idle);
                return;
            }
            let names: Vec<String> = files.iter().map(|f| f.name().to_string()).collect();
            let on_progress = move |json: String| {
                if let Some(JobMessage::Progress(progress)) = JobMessage::parse(&json) {
                    status.set(Status::Running(Some(progress)));
                }
            };
            let request = request_json(&names, &mappings.get_untracked().mappings);
            match files_worker::start(&request, files, on_progress, finish) {
                Ok(running) => job.set_value(Some(running)),
                Err(_) => status.set(Status::Stopped(Key::ReportsWorkerUnavailable)),
            }
        });
    };
    let cancel = move |_| {
        job.set_value(None);
        status.set(Status::Stopped(Key::ReportsCancelled));
        announce(tr(lang.get_untracked(), Key::ReportsCancelled));
    };
    let running = move || matches!(status.get(), Status::Running(_));

    view! {
        <section class="page reports-page">
            <h1>{t(Key::TitleReports)}</h1>
            <p class="lead">{t(Key::ReportsIntro)}</p>
            <div
                class="drop-zone"
                on:dragover=|ev| ev.prevent_default()
                on:drop=move |ev| {
                    ev.prevent_default();
                    import(PickedFile::dropped(&ev));
                }
            >
                <label for="report-files">{t(Key::ReportsPick)}</label>
                <input
                    type="file"
                    id="report-files"
                    multiple=true
                    accept=".csv,.tsv,.txt,.xlsx,.zip,text/csv,text/tab-separated-values,text/plain,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-describedby="report-files-help"
                    disabled=running
                    on:change=move |ev| import(PickedFile::take_all(&ev))
                />
                <p class="help" id="report-files-help">{t(Key::ReportsDropHint)}</p>
            </div>
            {move || match status.get() {
                Status::Running(progress) => Some(progress_view(lang.get(), progress, cancel).into_any()),
                Status::Stopped(key) => Some(view! { <p class="notice warning" role="status">{tr(lang.get(), key)}</p> }.into_any()),
                Status::Idle => None,
            }}
            {move || {
                let lang = lang.get();
                let refused = unread.get();
                (!refused.is_empty()).then(|| view! {
                    <ul class="notice error report-errors" role="alert">
                        {refused.into_iter().map(|(file, key)| view! { <li><strong>{file}</strong> ": " {tr(lang, key)}</li> }).collect_view()}
                    </ul>
                })
            }}
            {move || {
                let again = Callback::new(move |()| import(last_files.get_value()));
                outcome.get().map(|done| view! { <outcome::OutcomeView outcome=done on_mapped=again/> })
            }}
        </section>
    }
}

/// The progress bar (per mille of the whole import), what is being done, and Cancel.
fn progress_view(
    lang: crate::i18n::Lang,
    progress: Option<ProgressView>,
    cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let permille = progress.as_ref().map_or(0, ProgressView::overall_permille);
    let doing = match &progress {
        None => tr(lang, Key::ReportsStarting).to_string(),
        Some(p) if p.file.is_empty() => tr(lang, Key::ReportsAnalysing).to_string(),
        Some(p) if p.rows > 0 => fill(
            tr(lang, Key::ReportsReadingRows),
            &[("file", &p.file), ("rows", &crate::i18n::format_decimal(lang, p.rows as f64, 0))],
        ),
        Some(p) => fill(tr(lang, Key::ReportsReading), &[("file", &p.file)]),
    };
    view! {
        <div class="report-progress">
            <progress max="1000" value=permille.to_string() aria-label=tr(lang, Key::ReportsProgressLabel)></progress>
            <p role="status">{doing}</p>
            <button type="button" class="button" on:click=cancel>{tr(lang, Key::Cancel)}</button>
        </div>
    }
}
