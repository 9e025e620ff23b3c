"""The journal in the app: `Journal`, the live view every window shares (adds, the day's
summary, change notifications), and the journal window where a person looks back."""
