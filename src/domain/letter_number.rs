//! One number per letter: a case's letter (case id + message id) gets its outgoing number the first time it
//! leaves the app — copied, printed or downloaded — and keeps it every time after. The number lives on the
//! case's timeline (the `letter_sent` event that first carried it), so it is stored with the case, travels in
//! backups and needs no field of its own; profiles only count which numbers have been given.

use super::case::Case;
use super::events::EventKind;
use super::profile::ProfileBook;

impl Case {
    /// The outgoing number letter `message` of this case was given, if it has left the app numbered.
    pub fn letter_number(&self, message: &str) -> Option<u32> {
        self.timeline.iter().find_map(|event| match &event.kind {
            EventKind::LetterSent { message: sent, number: Some(n), .. } if sent == message => Some(*n),
            _ => None,
        })
    }

    /// When letter `message` first left the app numbered: the letter's date stays the day it was given its
    /// number however often it is printed again.
    pub fn letter_sent_at(&self, message: &str) -> Option<chrono::DateTime<chrono::Utc>> {
        self.timeline.iter().find_map(|event| match &event.kind {
            EventKind::LetterSent { message: sent, number: Some(_), .. } if sent == message => Some(event.at),
            _ => None,
        })
    }
}

impl ProfileBook {
    /// The profile and number letter `message` of `case` goes out with: the number it already has, else the next
    /// one of the profile the case's letters go out for (count it with [`ProfileBook::mark_letter_number`] once
    /// the letter has left). A number already given is returned with the case's profile; marking it again
    /// changes nothing. `None` without any profile to send for.
    pub fn letter_number(&self, case: &Case, message: &str) -> Option<(String, u32)> {
        let profile = self.for_case(case.profile.as_deref()).map(|p| p.id.clone());
        if let Some(number) = case.letter_number(message) {
            return Some((case.profile.clone().or(profile)?, number));
        }
        let profile = profile?;
        let number = self.next_letter_number(&profile)?;
        Some((profile, number))
    }
}
