"""The newsroom: outlets' feeds watched, their articles read, classified and grouped into
candidates for the editors' inbox (meetings/editorial/inbox.py). Decisions 25 and 26."""
