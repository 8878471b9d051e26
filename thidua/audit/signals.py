"""Sign-in, sign-out and failed sign-in go to the audit log.

Django sends these signals from its authentication code, so listening is the only way
to see them; the handlers only record, they hold no business logic.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import Action
from .services import record


@receiver(user_logged_in, dispatch_uid="audit_login")
def on_login(sender, request, user, **kwargs):
    record(Action.LOGIN, user, actor=user, object_repr=user.get_username())


@receiver(user_logged_out, dispatch_uid="audit_logout")
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, user, actor=user, object_repr=user.get_username())


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    user = get_user_model().objects.filter(username=username).select_related("unit").first()
    record(
        Action.LOGIN_FAILED,
        actor=None,
        object_type="org.user",
        object_id=user.pk if user else "",
        object_repr=username,
        unit_path=user.unit.path if user and user.unit_id else "",
    )
