"""Cases filed at the counter: information requests, complaints, suggestions, incident reports,
questions to elected officials and reports to the ethics mailbox."""
