//! The account journey: signing in and, later, managing one's account.

mod sign_in_page;

pub use sign_in_page::SignInPage;
