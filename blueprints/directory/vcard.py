"""A vCard 3.0 (RFC 2426) of one directory contact, UTF-8 throughout, so a
phone saves the officer's Devanagari name as it is written."""


def escape(text: str) -> str:
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """At most 75 octets a line, never splitting a UTF-8 character."""
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += ch
        size += width
    out.append(current)
    return "\r\n ".join(out)


def vcard(*, name, other_name, org, unit, title, landline, extension, mobiles, emails, uid):
    """One card. `name` is shown (FN/N); `other_name` (the name in the other
    script) goes to NICKNAME so a search by either finds it."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{escape(name)};;;;", f"FN:{escape(name)}"]
    if other_name and other_name != name:
        lines.append(f"NICKNAME:{escape(other_name)}")
    lines.append(f"ORG:{escape(org)}" + (f";{escape(unit)}" if unit else ""))
    if title:
        lines.append(f"TITLE:{escape(title)}")
    if landline:
        number = landline + (f" ext. {extension}" if extension else "")
        lines.append(f"TEL;TYPE=WORK,VOICE:{escape(number)}")
    if extension:
        lines.append(f"X-INTERCOM-EXTENSION:{escape(extension)}")
    for mobile in mobiles:
        lines.append(f"TEL;TYPE=CELL,WORK:{escape(mobile)}")
    for email in emails:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{escape(email)}")
    lines += [f"UID:{escape(uid)}", "END:VCARD"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
