"""Every notification of the contribution and moderation workflow, sent by the real services
in each language: the site's voice, both parts, links to the item it is about (the
moderation page, the request, the public page, the form to fix), no untranslated string.
Moderators and owners get the site's default language: it is switched here to check every
template in every language."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from contributions import notify
from contributions.models import Claim, Suggestion
from moderation import notify as moderation_notify
from moderation import queue
from moderation import workflow as services
from moderation.models import Action
from tests.contributions.conftest import make_user
from tests.emailcheck import check, html_part, links
from tests.moderation.conftest import propose

pytestmark = pytest.mark.django_db
LANGUAGES = ["fr", "eu", "es"]


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Runs the on-commit callbacks (the emails) of what it is given; the messages sent."""

    def run(action, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action(*args, **kwargs)
        return list(mail.outbox)

    return run


def url(language, name, **kwargs):
    with translation.override(language):
        return "http://127.0.0.1:8000" + reverse(name, kwargs=kwargs)


def public(language, actor):
    with translation.override(language):
        return "http://127.0.0.1:8000" + actor.get_absolute_url()


def to(messages, address):
    [message] = [m for m in messages if m.to == [address]]
    return message


@pytest.fixture(params=LANGUAGES)
def language(request, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.LANGUAGE_CODE = request.param
    with translation.override(request.param):
        yield request.param


def test_a_change_request_from_submission_to_decision(language, people, actor, sent, settings):
    settings.MODERATION_DELAY_DAYS = 4
    change = None

    def submit():
        nonlocal change
        change = propose(actor, people["editor"], name="Repair Café Baiona", phone="0559000000")

    messages = sent(submit)
    review = to(messages, "moderatrice@example.org")
    check(review, language)
    assert links(review) == [url(language, "moderation:change-request", pk=change.pk)]
    receipt = to(messages, "editrice@example.org")
    text = check(receipt, language)
    assert links(receipt) == [url(language, "contributions:request", slug=actor.slug, pk=change.pk)]
    assert " 4 " in text

    # Partly approved: what was published, what was not, and the public page.
    messages = sent(
        services.decide_change_request,
        change,
        people["moderator"],
        Action.APPROVE,
        "Le nom reste celui des statuts.",
        fields=["phone"],
    )
    decision = to(messages, "editrice@example.org")
    text = check(decision, language)
    assert links(decision) == [public(language, actor)]
    with translation.override(language):
        phone, name = str(notify.profile.label("phone")), str(notify.profile.label("name"))
    published, left_out = text.split(phone, 1)[0], text.split(phone, 1)[1]
    assert name not in published and name in left_out
    assert "Le nom reste celui des statuts." in text


def test_a_request_sent_back_links_to_the_form_and_a_refused_one_to_the_request(
    language, people, actor, sent
):
    change = propose(actor, people["editor"], phone="0559000000")
    messages = sent(
        services.decide_change_request, change, people["moderator"], Action.CHANGES, "Le numéro ?"
    )
    sent_back = to(messages, "editrice@example.org")
    check(sent_back, language)
    assert links(sent_back) == [url(language, "contributions:edit", slug=actor.slug)]

    messages = sent(
        services.decide_change_request, change, people["moderator"], Action.REJECT, "Doublon."
    )
    refused = to(messages, "editrice@example.org")
    check(refused, language)
    assert links(refused) == [url(language, "contributions:request", slug=actor.slug, pk=change.pk)]


def test_a_new_organisation_is_announced_with_its_public_page(language, people, new_org, sent):
    request = new_org
    assert request.language == language
    messages = sent(
        services.decide_change_request, request, people["moderator"], Action.APPROVE, ""
    )
    published = to(messages, "editrice@example.org")
    check(published, language)
    request.actor.refresh_from_db()
    assert links(published) == [public(language, request.actor)]


def test_claims_link_to_their_review_and_to_what_the_claimant_can_do(language, people, actor, sent):
    claim = Claim.objects.create(
        actor=actor, user=people["other"], message="C'est mon association.", siret="12345678901234"
    )
    review = to(sent(notify.moderators_of_claim, claim), "moderatrice@example.org")
    check(review, language)
    assert links(review) == [url(language, "moderation:claim", pk=claim.pk)]

    claim.evidence_email = "preuve@repair.example.org"
    evidence = sent(notify.claim_evidence, claim, "jeton")[0]
    check(evidence, language)
    assert links(evidence) == [url(language, "contributions:claim-verify", token="jeton")]

    messages = sent(services.decide_claim, claim, people["moderator"], Action.APPROVE, "")
    accepted = to(messages, "autre@example.org")
    check(accepted, language)
    assert links(accepted) == [url(language, "contributions:edit", slug=actor.slug)]

    other = Claim.objects.create(actor=actor, user=make_user("tiers@example.org"), message="Moi.")
    messages = sent(services.decide_claim, other, people["moderator"], Action.REJECT, "Non.")
    refused = to(messages, "tiers@example.org")
    check(refused, language)
    assert links(refused) == [url(language, "contributions:my-space")]


def test_suggestions_link_moderators_to_the_review_and_owners_to_their_form(
    language, people, actor, sent
):
    suggestion = Suggestion.objects.create(
        actor=actor,
        text="Le téléphone a changé.",
        proposed={"phone": "05 59 11 22 33"},
        contact_email="visiteur@example.org",
    )
    messages = sent(notify.suggestion, suggestion)
    review = to(messages, "moderatrice@example.org")
    check(review, language)
    assert links(review) == [url(language, "moderation:suggestion", pk=suggestion.pk)]
    owner = to(messages, "proprio@example.org")
    text = check(owner, language)
    assert links(owner) == [url(language, "contributions:edit", slug=actor.slug)]
    assert "visiteur@example.org" not in text  # the visitor's address is for moderators only
    with translation.override(language):
        assert str(notify.profile.label("phone")).capitalize() in text

    messages = sent(
        services.decide_suggestion, suggestion, people["moderator"], Action.APPROVE, "", ["phone"]
    )
    for address in ("visiteur@example.org", "proprio@example.org"):
        answer = to(messages, address)
        check(answer, language)
        assert links(answer) == [public(language, actor)]


def test_subjects_show_a_name_as_written_not_as_html(language, people, actor, sent):
    """A subject is plain text: an apostrophe, an ampersand or a "<" in a name are not
    turned into HTML entities there; the HTML part still escapes them."""
    actor.name = "Accessi'Bask & <Co>"
    actor.save()
    claim = Claim.objects.create(actor=actor, user=people["other"], message="C'est nous.")
    suggestion = Suggestion.objects.create(actor=actor, text="Le téléphone a changé.")
    messages = [
        *sent(notify.moderators_of_claim, claim),
        *sent(notify.suggestion, suggestion),
        *sent(services.decide_claim, claim, people["moderator"], Action.APPROVE, ""),
    ]
    recipients = {message.to[0] for message in messages}
    assert {"moderatrice@example.org", "proprio@example.org", "autre@example.org"} <= recipients
    for message in messages:
        assert "Accessi'Bask & <Co>" in message.subject
        assert "&#x27;" not in message.subject and "&amp;" not in message.subject
        assert "<title>" in html_part(message)
        assert "Accessi&#x27;Bask &amp; &lt;Co&gt;" in html_part(message)


def test_the_invitation_the_digest_and_the_freshness_reminder(language, people, actor, sent):
    invitation = sent(notify.invitation, actor, people["owner"], "collegue@example.org", "jeton")
    check(invitation[0], language)
    assert links(invitation[0]) == [url(language, "contributions:invitation", token="jeton")]

    propose(actor, people["editor"], phone="0559000000")
    digest = to(sent(queue.send_digest), "moderatrice@example.org")
    check(digest, language)
    assert links(digest) == [url(language, "moderation:queue")]

    reminder = sent(moderation_notify.freshness_reminder, actor, "proprio@example.org", "jeton", 30)
    text = check(reminder[0], language)
    assert links(reminder[0]) == [
        url(language, "moderation:confirm-fresh", token="jeton"),
        url(language, "contributions:edit", slug=actor.slug),
    ]
    assert "30" in text


def test_the_check_sees_an_untranslated_email(people, actor, sent):
    """The checks above can fail: a French sentence in a Basque email is seen."""
    with translation.override("eu"):
        [message] = sent(notify.invitation, actor, people["owner"], "c@example.org", "jeton")
    check(message, "eu")
    message.body += "\nSi vous ne vous attendiez pas à cette invitation, ignorez ce message.\n"
    with pytest.raises(AssertionError):
        check(message, "eu")


def test_the_pages_after_submitting_state_the_expected_delay(client, people, actor, settings):
    settings.MODERATION_DELAY_DAYS = 7
    change = propose(actor, people["editor"], phone="0559000000")
    client.force_login(people["editor"])
    for path in (
        reverse("contributions:request", kwargs={"slug": actor.slug, "pk": change.pk}),
        reverse("contributions:my-space"),
    ):
        html = client.get(path).content.decode()
        assert "sous 7 jours ouvrés" in html, path
    change.status = "approved"
    change.save()
    html = client.get(
        reverse("contributions:request", kwargs={"slug": actor.slug, "pk": change.pk})
    )
    assert "jours ouvrés" not in html.content.decode()
