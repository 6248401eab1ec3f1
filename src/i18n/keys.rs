/// Declares the translation keys: each variant maps to the id used in `locales/*.txt`.
/// `plural` keys are stored as `id.one`, `id.few`, `id.many` (English needs only `one` and `many`).
macro_rules! keys {
    ( $( $variant:ident = $id:literal $(, $plural:ident)? ; )* ) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $( $variant ),* }

        impl Key {
            pub const ALL: &'static [Key] = &[ $( Key::$variant ),* ];

            pub fn id(self) -> &'static str {
                match self { $( Key::$variant => $id ),* }
            }

            pub fn is_plural(self) -> bool {
                match self { $( Key::$variant => keys!(@plural $($plural)?) ),* }
            }
        }
    };
    (@plural plural) => { true };
    (@plural) => { false };
}

keys! {
    // App shell
    AppName = "app.name";
    AppTagline = "app.tagline";
    SkipToContent = "shell.skip_to_content";
    NavHome = "nav.home";
    NavCases = "nav.cases";
    NavSettings = "nav.settings";
    NavMain = "nav.main";
    LanguageLabel = "shell.language";
    UpdateAvailable = "shell.update_available";
    UpdateReload = "shell.update_reload";
    OfflineReady = "shell.offline_ready";
    // Page titles
    TitleHome = "title.home";
    TitleWizard = "title.wizard";
    TitleCases = "title.cases";
    TitleCase = "title.case";
    TitleSettings = "title.settings";
    TitleNotFound = "title.not_found";
    TitleStats = "title.stats";
    // Home
    HomeWhatHappened = "home.what_happened";
    HomeIntro = "home.intro";
    HomeDueSoon = "home.due_soon";
    HomeNothingDue = "home.nothing_due";
    HomeStartWizard = "home.start_wizard";
    // Not found
    NotFoundText = "not_found.text";
    NotFoundHome = "not_found.home";
    // Marketplaces
    MarketWildberries = "market.wildberries";
    MarketYandex = "market.yandex_market";
    MarketAmazon = "market.amazon";
    MarketMall = "market.mall";
    // Countdown
    CountdownToday = "countdown.today";
    CountdownTomorrow = "countdown.tomorrow";
    CountdownInDays = "countdown.in_days", plural;
    CountdownOverdue = "countdown.overdue_days", plural;
    Days = "unit.days", plural;
    // Case statuses
    StatusOpen = "status.open";
    StatusWaitingMarketplace = "status.waiting_marketplace";
    StatusWaitingBuyer = "status.waiting_buyer";
    StatusResolvedWon = "status.resolved_won";
    StatusResolvedPartly = "status.resolved_partly";
    StatusResolvedLost = "status.resolved_lost";
    StatusClosed = "status.closed";
    // Answers
    Yes = "answer.yes";
    No = "answer.no";
    PlanWarnings = "plan.warnings";
    PlanSteps = "plan.steps";
    PlanEvidence = "plan.evidence";
    PlanOutcome = "plan.outcome";
    PlanInsights = "plan.insights";
    PlanDeadlines = "plan.deadlines";
    PlanMessages = "plan.messages";
    DeadlineWaiting = "deadline.waiting";
    DeadlineUncertain = "deadline.uncertain";
    DeadlineWhy = "deadline.why";
    DeadlineSource = "deadline.source";
    DeadlineVerified = "deadline.verified";
    Copied = "message.copied";
    CopyFailed = "message.copy_failed";
    CopyMessage = "message.copy";
    MessageTo = "message.to";
    WizardProgress = "wizard.progress";
    WizardSummaryProgress = "wizard.summary_progress";
    WizardNotSaved = "wizard.not_saved";
    WizardBadDate = "wizard.bad_date";
    WizardBadAmount = "wizard.bad_amount";
    WizardChooseOne = "wizard.choose_one";
    WizardRequired = "wizard.required";
    WizardCurrency = "wizard.currency";
    WizardNext = "wizard.next";
    WizardBack = "wizard.back";
    WizardNotAnswered = "wizard.not_answered";
    WizardChange = "wizard.change";
    WizardSaveChanges = "wizard.save_changes";
    WizardCreateCase = "wizard.create_case";
    WizardYourAnswers = "wizard.your_answers";
    WizardYourPlan = "wizard.your_plan";
    WizardRestart = "wizard.restart";
    CaseSaved = "case.saved";
    ErrorQuota = "error.quota";
    ErrorStorageUnavailable = "error.storage_unavailable";
    ErrorConflict = "error.conflict";
    ErrorSaveFailed = "error.save_failed";
    Cancel = "common.cancel";
    CaseAddNote = "case.add_note";
    CaseApplyStatus = "case.apply_status";
    CaseBuyer = "case.buyer";
    CaseChangeStatus = "case.change_status";
    CaseContinueWizard = "case.continue_wizard";
    CaseDelete = "case.delete";
    CaseDeleteConfirm = "case.delete_confirm";
    CaseDeleteYes = "case.delete_yes";
    CaseMoney = "case.money";
    CaseNewStatus = "case.new_status";
    CaseNextDeadline = "case.next_deadline";
    CaseNoOrderNumber = "case.no_order_number";
    CaseNoteLabel = "case.note_label";
    CaseOpened = "case.opened";
    CasePlan = "case.plan";
    CasePrint = "case.print";
    CaseShare = "case.share";
    CaseStatusLabel = "case.status";
    CaseTimeline = "case.timeline";
    CasesEmpty = "cases.empty";
    CasesSearch = "cases.search";
    CasesShown = "cases.shown";
    CasesStartWizard = "cases.start_wizard";
    CsvId = "csv.id";
    CsvLastNote = "csv.last_note";
    CsvNotes = "csv.notes";
    CsvOrderNumber = "csv.order_number";
    CsvUpdated = "csv.updated";
    EventAnswers = "event.answers";
    EventCreated = "event.created";
    EventMoney = "event.money";
    EventRestored = "event.restored";
    EventStatus = "event.status";
    EventTicked = "event.ticked";
    EventUnticked = "event.unticked";
    ExportCsv = "export.csv";
    ExportDone = "export.done";
    ExportFailed = "export.failed";
    ExportIcsAll = "export.ics_all";
    ExportIcsCase = "export.ics_case";
    FilterActive = "filter.active";
    FilterAll = "filter.all";
    FilterDue = "filter.due";
    FilterDueAny = "filter.due_any";
    FilterDueSoon = "filter.due_soon";
    FilterFinished = "filter.finished";
    FilterMarketplace = "filter.marketplace";
    FilterOverdue = "filter.overdue";
    FilterScenario = "filter.scenario";
    FilterStatus = "filter.status";
    IcsCalendarName = "ics.calendar_name";
    IcsReminder = "ics.reminder";
    MoneyAtStake = "money.at_stake";
    MoneyClaimed = "money.claimed";
    MoneyReceived = "money.received";
    MoneySave = "money.save";
    MoneyWrittenOff = "money.written_off";
    NoteAdded = "case.note_added";
    NoteEmpty = "case.note_empty";
    StatusRefused = "case.status_refused";
    PagerLabel = "pager.label";
    PagerNext = "pager.next";
    PagerPage = "pager.page";
    PagerPrevious = "pager.previous";
    SortAmount = "sort.amount";
    SortDeadline = "sort.deadline";
    SortLabel = "sort.label";
    SortNewest = "sort.newest";
    SortOldest = "sort.oldest";
    SortUpdated = "sort.updated";
    StatsByMonth = "stats.by_month";
    StatsCases = "stats.cases";
    StatsExpected = "stats.expected";
    StatsExpectedIn = "stats.expected_in";
    StatsMedianDays = "stats.median_days";
    StatsMonth = "stats.month";
    StatsOutstanding = "stats.outstanding";
    StatsReceived = "stats.received";
    StatsResolutionRate = "stats.resolution_rate";
    ErrorNewerVersion = "error.newer_version";
    NoticeNewerVersion = "notice.newer_version";
    NoticeDownloadData = "notice.download_data";
    NoticeQuarantined = "notice.quarantined";
    NoticeSeeQuarantine = "notice.see_quarantine";
    NoticeRetrySave = "notice.retry_save";
    NoticeBackupReminder = "notice.backup_reminder";
    NoticeLater = "notice.later";
    SettingsExportBackup = "settings.export_backup";
    SettingsBackup = "settings.backup";
    SettingsBackupText = "settings.backup_text";
    SettingsLastExport = "settings.last_export";
    SettingsNeverExported = "settings.never_exported";
    SettingsImport = "settings.import";
    SettingsImportHelp = "settings.import_help";
    SettingsStorage = "settings.storage";
    SettingsUsage = "settings.usage";
    SettingsUsageWarning = "settings.usage_warning";
    SettingsPersisted = "settings.persisted";
    SettingsNotPersisted = "settings.not_persisted";
    SettingsPersistUnknown = "settings.persist_unknown";
    SettingsAskPersist = "settings.ask_persist";
    ImportTooLarge = "import.too_large";
    ImportEmpty = "import.empty";
    ImportNotJson = "import.not_json";
    ImportTruncated = "import.truncated";
    ImportBrokenJson = "import.broken_json";
    ImportWrongShape = "import.wrong_shape";
    ImportNotClaimdesk = "import.not_claimdesk";
    ImportNewerSchema = "import.newer_schema";
    ImportBadCase = "import.bad_case";
    ImportUnreadable = "import.unreadable";
    ImportDone = "import.done";
    ImportPreviewTitle = "import.preview_title";
    ImportAdded = "import.added";
    ImportUpdated = "import.updated";
    ImportSkipped = "import.skipped";
    ImportSkippedDeleted = "import.skipped_deleted";
    ImportConfirm = "import.confirm";
    QuarantineTitle = "quarantine.title";
    QuarantineText = "quarantine.text";
    QuarantineEntry = "quarantine.entry";
    QuarantineDownload = "quarantine.download";
    QuarantineDiscard = "quarantine.discard";
    CaseDeleted = "case.deleted";
    CaseDeletedShort = "case.deleted_short";
    CaseRestored = "case.restored";
    Undo = "common.undo";
    Dismiss = "common.dismiss";
    HomeResume = "home.resume", plural;
    ProblemTooLong = "problem.too_long";
    ProblemHiddenCharacters = "problem.hidden_characters";
    ProblemNotAnId = "problem.not_an_id";
    ProblemDateOutOfRange = "problem.date_out_of_range";
    ProblemNotACurrency = "problem.not_a_currency";
    ProblemAmountOutOfRange = "problem.amount_out_of_range";
    ProblemTooManyEntries = "problem.too_many_entries";
    ProblemRevisionZero = "problem.revision_zero";
    ImportDetailSchema = "import.detail.schema";
    ImportDetailExportedAt = "import.detail.exported_at";
    ImportDetailCasesList = "import.detail.cases_list";
    ImportDetailUpgrade = "import.detail.upgrade";
    ImportDetailPayload = "import.detail.payload";
    ImportDetailTooDeep = "import.detail.too_deep";
    ImportDetailTooMany = "import.detail.too_many";
    ImportDetailCase = "import.detail.case";
    ImportDetailNotObject = "import.detail.not_object";
    ImportDetailUnreadable = "import.detail.unreadable";
    ImportDetailBadDeletedId = "import.detail.bad_deleted_id";
    ImportDetailDuplicate = "import.detail.duplicate";
    NotSavedNote = "not_saved.note";
    NotSavedStatus = "not_saved.status";
    NotSavedTick = "not_saved.tick";
    NotSavedMoney = "not_saved.money";
    NotSavedCreate = "not_saved.create";
    NotSavedEdit = "not_saved.edit";
    NotSavedDelete = "not_saved.delete";
    NotSavedRestore = "not_saved.restore";
    NotSavedImport = "not_saved.import";
    SettingsPersistUnsupported = "settings.persist_unsupported";
    PersistNotesTitle = "persist.notes_title";
    PersistNoteChromium = "persist.note.chromium";
    PersistNoteFirefox = "persist.note.firefox";
    PersistNoteWebKit = "persist.note.webkit";
    PersistNoteOther = "persist.note.other";
}
