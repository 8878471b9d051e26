from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BootstrapMixin
from thidua.core.text import fold

from .ethnicities import ETHNICITIES
from .models import Gender, ManagementLevel, Person, Unit, UnitKind
from .services import PERSON_FIELDS


class VersionedForm(BootstrapMixin, forms.ModelForm):
    """Carries the version the user opened, so a concurrent save is detected, not lost."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class UnitForm(VersionedForm):
    class Meta:
        model = Unit
        fields = [
            "code",
            "name",
            "short_name",
            "kind",
            "address",
            "phone",
            "email",
            "head_name",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class UnitSelect(forms.Select):
    """A select that renders only the chosen unit; the page searches the rest as you type
    (thidua.js + Tom Select against ``org:unit_lookup``), so 18,000 units cost nothing."""

    def __init__(self, acting_on: str = "", attrs=None):
        super().__init__(attrs)
        self.acting_on = acting_on

    def get_context(self, name, value, attrs):
        from django.urls import reverse

        attrs = {**(attrs or {}), "data-unit-lookup": reverse("org:unit_lookup")}
        if self.acting_on:
            attrs["data-acting-on"] = self.acting_on
        return super().get_context(name, value, attrs)

    def optgroups(self, name, value, attrs=None):
        chosen = [v for v in value if v not in (None, "")]
        options = [self.create_option(name, "", "", not chosen, 0, attrs=attrs)]
        if chosen:
            field = self.choices.field
            for index, unit in enumerate(self.choices.queryset.filter(pk__in=chosen), start=1):
                options.append(
                    self.create_option(
                        name, unit.pk, field.label_from_instance(unit), True, index, attrs=attrs
                    )
                )
        return [(None, options, 0)]


class UnitChoiceField(forms.ModelChoiceField):
    """A unit picked by id from the units the user may act in."""

    def __init__(self, *args, acting_on: str = "", **kwargs):
        kwargs.setdefault("widget", UnitSelect(acting_on))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class UnitSelectMultiple(UnitSelect, forms.SelectMultiple):
    """Several units, searched as you type like :class:`UnitSelect`; only the chosen ones
    are rendered."""

    def optgroups(self, name, value, attrs=None):
        chosen = [v for v in value if v not in (None, "")]
        options = []
        if chosen:
            field = self.choices.field
            units = self.choices.queryset.filter(pk__in=chosen).order_by("path")
            for index, unit in enumerate(units):
                options.append(
                    self.create_option(
                        name, unit.pk, field.label_from_instance(unit), True, index, attrs=attrs
                    )
                )
        return [(None, options, 0)]


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Units picked by id from the units the user may act in."""

    def __init__(self, *args, acting_on: str = "", **kwargs):
        kwargs.setdefault("widget", UnitSelectMultiple(acting_on))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class UnitCreateForm(UnitForm):
    parent = UnitChoiceField(
        queryset=Unit.objects.none(), label=_("Parent unit"), acting_on="org.unit"
    )

    class Meta(UnitForm.Meta):
        fields = ["parent", *UnitForm.Meta.fields]

    def __init__(self, *args, parent_queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = (
            parent_queryset if parent_queryset is not None else Unit.objects.none()
        )


class UnitMoveForm(BootstrapMixin, forms.Form):
    new_parent = UnitChoiceField(
        queryset=Unit.objects.none(), label=_("New parent unit"), acting_on="org.unit"
    )

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = (
            queryset if queryset is not None else Unit.objects.none()
        )


class UnitMergeForm(BootstrapMixin, forms.Form):
    target = UnitChoiceField(
        queryset=Unit.objects.none(), label=_("Merge into"), acting_on="org.unit"
    )
    merged_on = forms.DateField(
        label=_("Effective date"),
        required=False,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        help_text=_("Leave empty for today."),
    )
    confirm = forms.BooleanField(
        label=_("I understand: sub-units, people and accounts move to the target unit."),
        required=True,
    )

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = queryset if queryset is not None else Unit.objects.none()


class UnitDeactivateForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PersonForm(VersionedForm):
    unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("Unit"), acting_on="org.person")
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )
    # "0011 9000 0124" is how a 12-digit number is often typed: clean_identity_number
    # removes the spaces before the model checks the length.
    identity_number = forms.CharField(
        label=_("Identity number"),
        required=False,
        max_length=20,
        help_text=_("Citizen identity card number (12 digits) or old ID card (9 digits)."),
    )
    confirm_duplicate = forms.BooleanField(
        label=_("This is a different person: create anyway"), required=False
    )

    class Meta:
        model = Person
        fields = list(PERSON_FIELDS)
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, unit_queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            unit_queryset if unit_queryset is not None else Unit.objects.none()
        )
        if self.instance.pk:
            del self.fields["confirm_duplicate"]

    def clean_identity_number(self):
        return "".join((self.cleaned_data.get("identity_number") or "").split()) or None


class PersonFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    gender = forms.ChoiceField(
        label=_("Gender"), required=False, choices=[("", _("All"))] + list(Gender.choices)
    )
    ethnicity = forms.ChoiceField(
        label=_("Ethnicity"), required=False, choices=[("", _("Any ethnicity"))] + ETHNICITIES
    )
    management_level = forms.ChoiceField(
        label=_("Management level"),
        required=False,
        choices=[("", _("Any management level"))] + list(ManagementLevel.choices),
    )
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Working or not")), ("1", _("Working")), ("0", _("No longer working"))],
    )


class UnitSearchForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds"))] + list(UnitKind.choices)
    )
    inactive = forms.BooleanField(label=_("Include inactive and merged units"), required=False)

    def folded(self) -> str:
        return fold(self.cleaned_data.get("q", "")) if self.is_valid() else ""


class ApiTokenForm(BootstrapMixin, forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("Token name, e.g. the reporting program")}),
    )


class UserCreateForm(BootstrapMixin, forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("Unit"), acting_on="org.user")
    role = forms.ChoiceField(label=_("Role"), choices=())
    password1 = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, unit_queryset=None, roles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            unit_queryset if unit_queryset is not None else Unit.objects.none()
        )
        self.fields["role"].choices = [("", _("No role yet"))] + list(roles)
        self.fields["role"].required = False

    def clean_username(self):
        from .models import User

        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is already taken."))
        return username

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords do not match."))
        return data


class UserEditForm(BootstrapMixin, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("Unit"), acting_on="org.user")
    is_active = forms.BooleanField(label=_("Account is active"), required=False)

    def __init__(self, *args, unit_queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            unit_queryset if unit_queryset is not None else Unit.objects.none()
        )


class UserPasswordForm(BootstrapMixin, forms.Form):
    password1 = forms.CharField(
        label=_("New password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("New password (again)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords do not match."))
        return data


class GrantForm(BootstrapMixin, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=())
    unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("On unit"), acting_on="org.user")
    with_subtree = forms.BooleanField(label=_("Including sub-units"), required=False, initial=True)

    def __init__(self, *args, unit_queryset=None, roles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            unit_queryset if unit_queryset is not None else Unit.objects.none()
        )
        self.fields["role"].choices = [("", _("Choose a role"))] + list(roles)


class UserFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False, choices=())
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), ("1", _("Active")), ("0", _("Locked or disabled"))],
    )

    def __init__(self, *args, **kwargs):
        from .roles import Role

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("All roles"))] + list(Role.choices)
