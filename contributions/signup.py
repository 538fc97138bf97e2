from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        """Signing up with an address that has an account creates nothing, but hashes the
        password as a new account does: the answer takes as long, so its time does not tell
        whether the address is known."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)
