//! The routes of one journey, declared once: [`Routes`] builds the axum
//! router and keeps the list of what it declared (method and path), so the
//! authorization matrix and the OpenAPI check see every route of the real
//! router and a new journey's route cannot escape them.

use axum::Router;
use axum::handler::Handler;
use axum::routing::{any, delete, get, patch, post, put};

use crate::state::AppState;

/// A method and path a router answers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DeclaredRoute {
    /// `GET`, `POST`, `PUT`, `PATCH`, `DELETE` or `ANY`.
    pub method: &'static str,
    /// The path pattern, as axum writes it (`/sitemap/{name}`).
    pub path: &'static str,
}

impl DeclaredRoute {
    /// Whether the route may change state (any method but GET).
    pub fn is_mutating(&self) -> bool {
        self.method != "GET"
    }
}

/// A journey's router with the list of its routes.
pub struct Routes {
    router: Router<AppState>,
    declared: Vec<DeclaredRoute>,
}

macro_rules! method {
    ($(#[$doc:meta])* $name:ident, $method:literal) => {
        $(#[$doc])*
        pub fn $name<H, T>(self, path: &'static str, handler: H) -> Self
        where
            H: Handler<T, AppState>,
            T: 'static,
        {
            self.add($method, path, $name(handler))
        }
    };
}

impl Routes {
    /// No routes yet.
    pub fn new() -> Self {
        Routes {
            router: Router::new(),
            declared: Vec::new(),
        }
    }

    fn add(
        mut self,
        method: &'static str,
        path: &'static str,
        route: axum::routing::MethodRouter<AppState>,
    ) -> Self {
        self.router = self.router.route(path, route);
        self.declared.push(DeclaredRoute { method, path });
        self
    }

    method!(
        /// `GET` (and `HEAD`) `path`.
        get, "GET"
    );
    method!(
        /// `POST` `path`.
        post, "POST"
    );
    method!(
        /// `PUT` `path`.
        put, "PUT"
    );
    method!(
        /// `PATCH` `path`.
        patch, "PATCH"
    );
    method!(
        /// `DELETE` `path`.
        delete, "DELETE"
    );
    method!(
        /// Every method on `path`.
        any, "ANY"
    );

    /// These routes with another journey's.
    pub fn merge(mut self, other: Routes) -> Self {
        self.router = self.router.merge(other.router);
        self.declared.extend(other.declared);
        self
    }

    /// Changes the router (adds a layer, say) without changing the routes.
    pub fn map_router(mut self, change: impl FnOnce(Router<AppState>) -> Router<AppState>) -> Self {
        self.router = change(self.router);
        self
    }

    /// What was declared, sorted.
    pub fn declared(&self) -> Vec<DeclaredRoute> {
        let mut declared = self.declared.clone();
        declared.sort();
        declared
    }

    /// The router.
    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}
