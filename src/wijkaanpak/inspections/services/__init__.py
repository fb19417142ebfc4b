"""Business rules of the wijkaanpak inspection; views call these, never the models directly."""
