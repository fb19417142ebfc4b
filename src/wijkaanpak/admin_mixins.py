"""Admin building blocks shared by every app."""


class ReadOnlyAdminMixin:
    """Records that only a service may write (history, logs, measurements) are shown, never
    added, changed or deleted in the admin, not even by a superuser."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
