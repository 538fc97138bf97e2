"""Form fields shared by the apps that choose among the reference data."""

from django import forms

from .models import Commune


class CommuneChoiceField(forms.ModelChoiceField):
    """A commune select that reads, and is ordered, in the page's language (`Commune.label`)."""

    def __init__(self, *, queryset=None, **kwargs):
        super().__init__(queryset=Commune.objects.all() if queryset is None else queryset, **kwargs)

    def __deepcopy__(self, memo):
        # Each form gets its copy while the request's language is active: order for it.
        result = super().__deepcopy__(memo)
        result.queryset = result.queryset.by_label()
        return result

    def label_from_instance(self, obj):
        return obj.label
