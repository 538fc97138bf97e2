"""French phone numbers as the national formats want them: E.164, no spaces."""

import re


def e164(phone):
    """'05 59 00 00 00' or '+33 5 59 00 00 00' -> '+33559000000'; '' when not French."""
    digits = re.sub(r"[ .-]", "", phone or "")
    if re.fullmatch(r"0[1-9][0-9]{8}", digits):
        return "+33" + digits[1:]
    if re.fullmatch(r"\+33[1-9][0-9]{8}", digits):
        return digits
    return ""
