"""Appointments: schedules, booking, check-in into the queue, the agenda, iCalendar."""
