//! The route table: which page answers which path. Every route renders
//! completely on the server (`SsrMode::Async`) so that pages read without
//! JavaScript; hydration only adds interactivity.

use leptos::prelude::*;
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::account::{
    AccountDeletedPage, AccountPage, AdminPage, AuditPage, NotificationsPage, ResetPage,
    SignInPage, SignUpPage, UnsubscribePage,
};
use crate::catalog::publish::{
    DeletePage, ImportPage, PublishPage, RecordFormPage, ReportPage, TokensPage,
};
use crate::catalog::{CatalogPage, PublisherPage, PublishersPage, RecordPage};
use crate::components::{SiteFooter, SiteHeader};
use crate::consult::meeting::{MeetingFormPage, MeetingPage};
use crate::consult::results::ResultsPage;
use crate::consult::survey::{SurveyFormPage, SurveyPage};
use crate::consult::{
    ConsultationsPage, ModerationPage, ProcessFormPage, ProcessPage, ProposalFormPage, ProposalPage,
};
use crate::maps::MapsPage;
use crate::models::ModelsPage;
use crate::pages::{AccessibilityPage, HomePage, NotFoundPage, PrivacyPage};

/// The layout and route table shared by every page.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Router>
            <SiteHeader />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/catalog") view=CatalogPage ssr=SsrMode::Async />
                    <Route path=path!("/publishers") view=PublishersPage ssr=SsrMode::Async />
                    <Route path=path!("/publish") view=PublishPage ssr=SsrMode::Async />
                    <Route path=path!("/publish/import") view=ImportPage ssr=SsrMode::Async />
                    <Route path=path!("/publish/new") view=RecordFormPage ssr=SsrMode::Async />
                    <Route path=path!("/publish/confirm-delete") view=DeletePage ssr=SsrMode::Async />
                    <Route path=path!("/publish/edit") view=RecordFormPage ssr=SsrMode::Async />
                    <Route path=path!("/publish/drafts/:id") view=RecordFormPage ssr=SsrMode::Async />
                    <Route path=path!("/publish/imports/:id") view=ReportPage ssr=SsrMode::Async />
                    <Route path=path!("/publishers/:id") view=PublisherPage ssr=SsrMode::Async />
                    <Route path=path!("/datasets/:name") view=RecordPage ssr=SsrMode::Async />
                    <Route path=path!("/services/:name") view=RecordPage ssr=SsrMode::Async />
                    <Route path=path!("/series/:name") view=RecordPage ssr=SsrMode::Async />
                    <Route path=path!("/records/*path") view=RecordPage ssr=SsrMode::Async />
                    <Route path=path!("/consultations") view=ConsultationsPage ssr=SsrMode::Async />
                    <Route path=path!("/consultations/:slug") view=ProcessPage ssr=SsrMode::Async />
                    <Route path=path!("/consultations/:slug/new") view=ProposalFormPage ssr=SsrMode::Async />
                    <Route path=path!("/consultations/:slug/proposals/:id") view=ProposalPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/consultations/:slug/proposals/:id/edit")
                        view=ProposalFormPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/consultations/:slug/surveys/:number") view=SurveyPage ssr=SsrMode::Async />
                    <Route path=path!("/consultations/:slug/meetings/:number") view=MeetingPage ssr=SsrMode::Async />
                    <Route path=path!("/consultations/:slug/results") view=ResultsPage ssr=SsrMode::Async />
                    <Route path=path!("/maps") view=MapsPage />
                    <Route path=path!("/models") view=ModelsPage />
                    <Route path=path!("/publish/tokens") view=TokensPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/sign-in") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/account/sign-up") view=SignUpPage ssr=SsrMode::Async />
                    <Route path=path!("/account/reset") view=ResetPage ssr=SsrMode::Async />
                    <Route path=path!("/account/deleted") view=AccountDeletedPage />
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/moderation") view=ModerationPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/moderation/consultations/new")
                        view=ProcessFormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/moderation/consultations/:slug/edit")
                        view=ProcessFormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/moderation/consultations/:slug/surveys/new")
                        view=SurveyFormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/moderation/consultations/:slug/surveys/:number/edit")
                        view=SurveyFormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/moderation/consultations/:slug/meetings/new")
                        view=MeetingFormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/moderation/consultations/:slug/meetings/:number/edit")
                        view=MeetingFormPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/notifications/unsubscribe")
                        view=UnsubscribePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/accessibility") view=AccessibilityPage />
                    <Route path=path!("/privacy") view=PrivacyPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}
