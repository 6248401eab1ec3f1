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
}
