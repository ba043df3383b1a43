//! The routes of one journey, declared once: [`Routes`] builds the axum
//! router and keeps the list of what it declared (method and path), so the
//! authorization matrix sees every route of the real router and a new
//! journey's route cannot escape it. Routes for machines are declared with
//! [`Routes::documented`] from handlers that carry their OpenAPI operation
//! (`#[utoipa::path]`), and the OpenAPI document is built from them.

use axum::Router;
use axum::handler::Handler;
use axum::routing::{any, delete, get, patch, post, put};
use utoipa::openapi::path::PathItem;
use utoipa::openapi::{Components, OpenApi, Paths};
use utoipa_axum::router::UtoipaMethodRouter;

use crate::state::AppState;

/// A method and path a router answers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DeclaredRoute {
    /// `GET`, `POST`, `PUT`, `PATCH`, `DELETE` or `ANY`.
    pub method: &'static str,
    /// The path pattern, as axum writes it (`/sitemap/{name}`).
    pub path: String,
    /// Whether the route is in the OpenAPI document.
    pub documented: bool,
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
    paths: Paths,
    components: Components,
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
            paths: Paths::new(),
            components: Components::new(),
        }
    }

    fn add(
        mut self,
        method: &'static str,
        path: &'static str,
        route: axum::routing::MethodRouter<AppState>,
    ) -> Self {
        self.router = self.router.route(path, route);
        self.declared.push(DeclaredRoute {
            method,
            path: path.to_owned(),
            documented: false,
        });
        self
    }

    /// The routes of handlers that describe themselves with
    /// `#[utoipa::path]`, from `utoipa_axum::routes!(a, b)`: each is served
    /// at the path and methods its description states, and its operation
    /// and schemas go into the OpenAPI document.
    pub fn documented(
        mut self,
        (schemas, paths, method_router): UtoipaMethodRouter<AppState>,
    ) -> Self {
        for (path, item) in paths.paths {
            self.router = self.router.route(&path, method_router.clone());
            for method in methods_of(&item) {
                self.declared.push(DeclaredRoute {
                    method,
                    path: path.clone(),
                    documented: true,
                });
            }
            match self.paths.paths.get_mut(&path) {
                Some(known) => known.merge_operations(item),
                None => {
                    self.paths.paths.insert(path, item);
                }
            }
        }
        self.components.schemas.extend(schemas);
        self
    }

    /// Adds to the OpenAPI document routes that another part of the server
    /// serves (Leptos' server functions), with their schemas; they are not
    /// declared here, as this router does not answer them.
    pub fn document_served_elsewhere(mut self, document: OpenApi) -> Self {
        self.paths.paths.extend(document.paths.paths);
        if let Some(components) = document.components {
            self.components.schemas.extend(components.schemas);
        }
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
        self.paths.paths.extend(other.paths.paths);
        self.components.schemas.extend(other.components.schemas);
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

    /// The OpenAPI document of the documented routes: `base` (title,
    /// description, security schemes) with their paths and schemas.
    pub fn openapi(&self, mut base: OpenApi) -> OpenApi {
        base.paths.paths.extend(self.paths.paths.clone());
        let components = base.components.get_or_insert_with(Components::new);
        components.schemas.extend(self.components.schemas.clone());
        base
    }

    /// The router.
    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

/// The methods a path item has operations for, as [`DeclaredRoute`]
/// writes them.
fn methods_of(item: &PathItem) -> Vec<&'static str> {
    [
        ("GET", item.get.is_some()),
        ("POST", item.post.is_some()),
        ("PUT", item.put.is_some()),
        ("PATCH", item.patch.is_some()),
        ("DELETE", item.delete.is_some()),
    ]
    .into_iter()
    .filter_map(|(method, has)| has.then_some(method))
    .collect()
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}
