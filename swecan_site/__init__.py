"""swecan-site: publishing system and governance checker for SweCan."""
