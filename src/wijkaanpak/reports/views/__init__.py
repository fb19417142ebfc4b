"""Views of the reports app: `handlers` (staff, behind login and a second factor) and the
public pages, each in its own module so a reader sees at once which side a view is on.
"""
