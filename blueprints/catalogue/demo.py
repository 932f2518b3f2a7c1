"""A dozen real-looking certificate, pension, ration-card and land-record
services for the demo district, modelled on Maharashtra's Aaple Sarkar and
Uttar Pradesh's e-District catalogues.

    with app.app_context():
        seed_demo()

Definitions are written in the administrator's line format (see catalogue.py)
and parsed, so the demo can hold nothing the edit page would refuse."""

import json

from blueprints.catalogue import catalogue
from blueprints.catalogue.models import Service
from blueprints.masters.models import Office
from core.db import db

# Documents many services ask for, one line each.
PHOTO = (
    "photo | Passport-size photograph | पासपोर्ट आकार का फोटो | पासपोर्ट आकाराचे छायाचित्र | required"
)
IDENTITY = (
    "identity_proof | Identity proof (Aadhaar, voter ID or PAN) | पहचान का प्रमाण (आधार, मतदाता "
    "पहचान पत्र या पैन) | ओळखीचा पुरावा (आधार, मतदार ओळखपत्र किंवा पॅन) | required"
)
ADDRESS = (
    "address_proof | Address proof (electricity bill, ration card or property tax receipt) | "
    "पते का प्रमाण (बिजली बिल, राशन कार्ड या गृहकर रसीद) | पत्त्याचा पुरावा (वीज देयक, "
    "शिधापत्रिका किंवा घरपट्टी पावती) | required"
)
DECLARATION = "self_declaration | Self-declaration | स्व-घोषणा पत्र | स्वयंघोषणापत्र | required"
SCHOOL_LEAVING = (
    "school_leaving | School leaving certificate | विद्यालय स्थानांतरण प्रमाण पत्र | शाळा "
    "सोडल्याचा दाखला | required"
)
RATION_CARD = "ration_card | Ration card | राशन कार्ड | शिधापत्रिका | required"
BANK_PASSBOOK = (
    "bank_passbook | First page of the bank passbook | बैंक पासबुक का पहला पृष्ठ | बँक "
    "पासबुकचे पहिले पान | required"
)
PURPOSE = "purpose | text | Purpose | प्रयोजन | प्रयोजन | optional"
CATEGORY = (
    "category | select | Category | वर्ग | प्रवर्ग | required | "
    "sc:Scheduled Caste:अनुसूचित जाति:अनुसूचित जाती; "
    "st:Scheduled Tribe:अनुसूचित जनजाति:अनुसूचित जमाती; "
    "vjnt:Vimukta Jati and Nomadic Tribes:विमुक्त जाति एवं घुमंतू जनजाति:विमुक्त जाती व भटक्या जमाती; "
    "obc:Other Backward Class:अन्य पिछड़ा वर्ग:इतर मागास वर्ग; "
    "sbc:Special Backward Class:विशेष पिछड़ा वर्ग:विशेष मागास प्रवर्ग"
)
RATION_CARD_NUMBER = (
    "ration_card_number | text | Ration card number | राशन कार्ड संख्या | शिधापत्रिका क्रमांक | required"
)

# (code, en, hi, mr, department code, level, SLA days, govt fee paise,
#  user charge paise, split, documents, fields)
SERVICES = (
    (
        "INC-CERT",
        "Income certificate",
        "आय प्रमाण पत्र",
        "उत्पन्नाचा दाखला",
        "COLL-REV",
        "tehsil",
        7,
        2000,
        3360,
        (80, 10, 10),
        [
            PHOTO,
            IDENTITY,
            ADDRESS,
            "income_proof | Income proof (talathi report, salary slip or Form 16) | आय का प्रमाण"
            " (लेखपाल रिपोर्ट, वेतन पर्ची या फॉर्म 16) | उत्पन्नाचा पुरावा (तलाठी अहवाल, वेतन "
            "चिठ्ठी किंवा फॉर्म 16) | required",
            DECLARATION,
        ],
        [
            "annual_income | number | Annual family income (₹) | वार्षिक पारिवारिक आय (₹) | "
            "कुटुंबाचे वार्षिक उत्पन्न (₹) | required | 0-100000000",
            "income_source | select | Main source of income | आय का मुख्य स्रोत | उत्पन्नाचा "
            "मुख्य स्रोत | required | farming:Farming:खेती:शेती; labour:Wage labour:मजदूरी:"
            "मजुरी; salary:Salary:वेतन:पगार; business:Business:व्यवसाय:व्यवसाय",
            PURPOSE,
        ],
    ),
    (
        "CASTE-CERT",
        "Caste certificate",
        "जाति प्रमाण पत्र",
        "जातीचा दाखला",
        "COLL-REV",
        "tehsil",
        21,
        2000,
        3360,
        (80, 10, 10),
        [
            PHOTO,
            IDENTITY,
            SCHOOL_LEAVING,
            "caste_proof | Proof of caste of a blood relative (before 1967 for OBC, 1950 for SC)"
            " | रक्त संबंधी की जाति का प्रमाण | रक्ताच्या नातेवाईकाच्या जातीचा पुरावा | "
            "required",
            "genealogy | Family tree affidavit | वंशावली शपथ पत्र | वंशावळ प्रतिज्ञापत्र | optional",
        ],
        [
            "caste_name | devanagari | Caste (in Devanagari) | जाति (देवनागरी में) | जात "
            "(देवनागरीत) | required",
            CATEGORY,
            "sub_caste | devanagari | Sub-caste | उपजाति | पोटजात | optional",
        ],
    ),
    (
        "DOM-CERT",
        "Age, nationality and domicile certificate",
        "आयु, राष्ट्रीयता एवं अधिवास प्रमाण पत्र",
        "वय, राष्ट्रीयत्व व अधिवास प्रमाणपत्र",
        "COLL-REV",
        "tehsil",
        15,
        2000,
        3360,
        (80, 10, 10),
        [
            PHOTO,
            IDENTITY,
            ADDRESS,
            SCHOOL_LEAVING,
            "residence_proof | Proof of 10 years' residence | 10 वर्ष के निवास का प्रमाण | 10 "
            "वर्षांच्या वास्तव्याचा पुरावा | required",
        ],
        [
            "years_of_residence | number | Years lived in the state | राज्य में निवास के वर्ष "
            "| राज्यात वास्तव्याची वर्षे | required | 0-120",
            "place_of_birth | text | Place of birth | जन्म स्थान | जन्म ठिकाण | required",
            PURPOSE,
        ],
    ),
    (
        "NCL-CERT",
        "Non-creamy layer certificate",
        "नॉन-क्रीमी लेयर प्रमाण पत्र",
        "नॉन-क्रिमीलेयर प्रमाणपत्र",
        "COLL-REV",
        "tehsil",
        21,
        2000,
        3360,
        (80, 10, 10),
        [
            PHOTO,
            IDENTITY,
            "caste_certificate | Caste certificate | जाति प्रमाण पत्र | जातीचा दाखला | required",
            "income_3_years | Income proof of the last 3 years | पिछले 3 वर्षों की आय का "
            "प्रमाण | मागील 3 वर्षांचा उत्पन्नाचा पुरावा | required",
            DECLARATION,
        ],
        [
            "caste_certificate_number | text | Caste certificate number | जाति प्रमाण पत्र "
            "संख्या | जात प्रमाणपत्र क्रमांक | required",
            "annual_income | number | Annual family income (₹) | वार्षिक पारिवारिक आय (₹) | "
            "कुटुंबाचे वार्षिक उत्पन्न (₹) | required | 0-100000000",
            CATEGORY,
        ],
    ),
    (
        "BIRTH-LATE",
        "Birth certificate (late registration)",
        "जन्म प्रमाण पत्र (विलंबित पंजीकरण)",
        "जन्म दाखला (विलंबित नोंदणी)",
        "ZP-HLT",
        "block",
        15,
        500,
        2000,
        (80, 10, 10),
        [
            IDENTITY,
            ADDRESS,
            "birth_proof | Hospital record or school record of the birth | जन्म का अस्पताल या "
            "विद्यालय अभिलेख | जन्माची रुग्णालय किंवा शाळेची नोंद | required",
            "non_availability | Non-availability certificate | अनुपलब्धता प्रमाण पत्र | "
            "अनुपलब्धता प्रमाणपत्र | required",
            "affidavit | Affidavit on stamp paper | स्टाम्प पेपर पर शपथ पत्र | मुद्रांक "
            "कागदावरील प्रतिज्ञापत्र | required",
        ],
        [
            "child_name | devanagari | Name of the child | बच्चे का नाम | बालकाचे नाव | required",
            "date_of_birth | date | Date of birth | जन्म तिथि | जन्म दिनांक | required",
            "place_of_birth | select | Place of birth | जन्म स्थान | जन्म ठिकाण | required | "
            "hospital:Hospital:अस्पताल:रुग्णालय; home:Home:घर:घर; other:Elsewhere:अन्य:इतर",
        ],
    ),
    (
        "DEATH-CERT",
        "Death certificate",
        "मृत्यु प्रमाण पत्र",
        "मृत्यू दाखला",
        "ZP-PAN",
        "block",
        7,
        500,
        2000,
        (80, 10, 10),
        [
            IDENTITY,
            "death_report | Hospital or police report of the death | मृत्यु की अस्पताल या पुलिस"
            " रिपोर्ट | मृत्यूचा रुग्णालय किंवा पोलीस अहवाल | optional",
            "cremation_receipt | Cremation or burial receipt | अंत्येष्टि रसीद | अंत्यसंस्कार "
            "पावती | optional",
            DECLARATION,
        ],
        [
            "deceased_name | devanagari | Name of the deceased | मृतक का नाम | मृत व्यक्तीचे नाव"
            " | required",
            "date_of_death | date | Date of death | मृत्यु की तिथि | मृत्यूचा दिनांक | required",
            "place_of_death | text | Place of death | मृत्यु का स्थान | मृत्यूचे ठिकाण | required",
        ],
    ),
    (
        "SENIOR-CERT",
        "Senior citizen certificate",
        "वरिष्ठ नागरिक प्रमाण पत्र",
        "ज्येष्ठ नागरिक प्रमाणपत्र",
        "COLL-REV",
        "tehsil",
        7,
        0,
        2360,
        (80, 10, 10),
        [
            PHOTO,
            IDENTITY,
            ADDRESS,
            "age_proof | Age proof (school leaving certificate or birth certificate) | आयु का "
            "प्रमाण (विद्यालय प्रमाण पत्र या जन्म प्रमाण पत्र) | वयाचा पुरावा (शाळा सोडल्याचा "
            "दाखला किंवा जन्म दाखला) | required",
        ],
        [
            "age | number | Age in years | आयु (वर्ष) | वय (वर्षे) | required | 60-120",
            "blood_group | select | Blood group | रक्त समूह | रक्तगट | optional | a_pos:A+:ए+:"
            "ए+; b_pos:B+:बी+:बी+; o_pos:O+:ओ+:ओ+; ab_pos:AB+:एबी+:एबी+; neg:Negative (any):"
            "निगेटिव (कोई भी):निगेटिव्ह (कोणताही)",
            "emergency_mobile | text | Mobile number of a relative | परिजन का मोबाइल नंबर | "
            "नातेवाईकाचा मोबाईल क्रमांक | optional",
        ],
    ),
    (
        "PENSION-OLD",
        "Old-age pension (Sanjay Gandhi Niradhar / Indira Gandhi NOAPS)",
        "वृद्धावस्था पेंशन (संजय गांधी निराधार / इंदिरा गांधी राष्ट्रीय वृद्धावस्था पेंशन)",
        "वृद्धापकाळ निवृत्तीवेतन (संजय गांधी निराधार / इंदिरा गांधी राष्ट्रीय वृद्धापकाळ योजना)",
        "ZP-SW",
        "tehsil",
        21,
        0,
        2360,
        (80, 10, 10),
        [
            PHOTO,
            IDENTITY,
            "age_proof | Age proof | आयु का प्रमाण | वयाचा पुरावा | required",
            "income_certificate | Income certificate | आय प्रमाण पत्र | उत्पन्नाचा दाखला | required",
            BANK_PASSBOOK,
        ],
        [
            "bank_account | text | Bank account number | बैंक खाता संख्या | बँक खाते क्रमांक | required",
            "ifsc | text | IFSC of the branch | शाखा का आईएफएससी कोड | शाखेचा आयएफएससी कोड | "
            "required",
            "bpl | yesno | Family on the BPL list | परिवार बीपीएल सूची में | कुटुंब दारिद्र्यरेषेखालील"
            " यादीत | required",
            "annual_income | number | Annual family income (₹) | वार्षिक पारिवारिक आय (₹) | "
            "कुटुंबाचे वार्षिक उत्पन्न (₹) | required | 0-10000000",
        ],
    ),
    (
        "RATION-NEW",
        "New ration card",
        "नया राशन कार्ड",
        "नवीन शिधापत्रिका",
        "COLL-SUP",
        "tehsil",
        15,
        4500,
        3360,
        (80, 10, 10),
        [
            PHOTO,
            IDENTITY,
            ADDRESS,
            "income_certificate | Income certificate | आय प्रमाण पत्र | उत्पन्नाचा दाखला | required",
            "cancellation | Certificate of cancellation of an earlier card | पुराने कार्ड के "
            "निरस्तीकरण का प्रमाण | जुनी शिधापत्रिका रद्द केल्याचा दाखला | optional",
        ],
        [
            "card_type | select | Card asked for | कार्ड का प्रकार | शिधापत्रिकेचा प्रकार | "
            "required | aay:Antyodaya (yellow):अंत्योदय (पीला):अंत्योदय (पिवळी); phh:Priority "
            "household (saffron):प्राथमिकता परिवार (केसरिया):प्राधान्य कुटुंब (केशरी); "
            "npl:Above poverty line (white):गरीबी रेखा से ऊपर (सफेद):दारिद्र्यरेषेवरील (पांढरी)",
            "family_members | number | Members in the family | परिवार के सदस्य | कुटुंबातील "
            "सदस्य | required | 1-25",
            "gas_connection | yesno | LPG gas connection | एलपीजी गैस कनेक्शन | एलपीजी गॅस "
            "जोडणी | required",
        ],
    ),
    (
        "RATION-ADD",
        "Add a member to a ration card",
        "राशन कार्ड में सदस्य का नाम जोड़ना",
        "शिधापत्रिकेत नाव समाविष्ट करणे",
        "COLL-SUP",
        "tehsil",
        7,
        1000,
        2360,
        (80, 10, 10),
        [
            RATION_CARD,
            "member_identity | Identity proof of the new member | नए सदस्य का पहचान प्रमाण | "
            "नवीन सदस्याचा ओळखीचा पुरावा | required",
            "relation_proof | Birth or marriage certificate | जन्म या विवाह प्रमाण पत्र | जन्म"
            " किंवा विवाह दाखला | required",
        ],
        [
            RATION_CARD_NUMBER,
            "member_name | devanagari | Name of the member | सदस्य का नाम | सदस्याचे नाव | required",
            "relation | select | Relation to the head of family | परिवार के मुखिया से संबंध | "
            "कुटुंबप्रमुखाशी नाते | required | spouse:Spouse:पति/पत्नी:पती/पत्नी; child:Son or"
            " daughter:पुत्र या पुत्री:मुलगा किंवा मुलगी; parent:Parent:माता या पिता:आई किंवा "
            "वडील; other:Other:अन्य:इतर",
            "member_birth_date | date | Member's date of birth | सदस्य की जन्म तिथि | सदस्याचा "
            "जन्म दिनांक | required",
        ],
    ),
    (
        "RATION-DEL",
        "Remove a member from a ration card",
        "राशन कार्ड से सदस्य का नाम हटाना",
        "शिधापत्रिकेतून नाव कमी करणे",
        "COLL-SUP",
        "tehsil",
        7,
        1000,
        2360,
        (80, 10, 10),
        [
            RATION_CARD,
            "reason_proof | Death certificate, marriage certificate or transfer letter | मृत्यु"
            " प्रमाण पत्र, विवाह प्रमाण पत्र या स्थानांतरण पत्र | मृत्यू दाखला, विवाह दाखला "
            "किंवा स्थलांतर पत्र | required",
            DECLARATION,
        ],
        [
            RATION_CARD_NUMBER,
            "member_name | devanagari | Name of the member | सदस्य का नाम | सदस्याचे नाव | required",
            "reason | select | Reason | कारण | कारण | required | death:Death:मृत्यु:मृत्यू; "
            "marriage:Marriage:विवाह:विवाह; moved:Moved away:स्थानांतरण:स्थलांतर",
        ],
    ),
    (
        "LAND-712",
        "7/12 land record extract",
        "7/12 भू-अभिलेख उद्धरण (खतौनी)",
        "7/12 उतारा (सातबारा)",
        "COLL-LR",
        "tehsil",
        7,
        1500,
        2000,
        (80, 10, 10),
        [
            IDENTITY,
            DECLARATION,
            "earlier_extract | Earlier extract, if any | पिछला उद्धरण, यदि"
            " हो | पूर्वीचा उतारा, असल्यास | optional",
        ],
        [
            "survey_number | text | Survey or gat number | सर्वे या गाटा संख्या | सर्व्हे किंवा"
            " गट क्रमांक | required",
            "khata_number | text | Khata number | खाता संख्या | खाते क्रमांक | optional",
            "copies | number | Copies | प्रतियाँ | प्रती | required | 1-10",
        ],
    ),
    (
        "MARRIAGE-REG",
        "Marriage registration",
        "विवाह पंजीकरण",
        "विवाह नोंदणी",
        "ZP-PAN",
        "block",
        15,
        5000,
        3360,
        (70, 20, 10),
        [
            "couple_photo | Photograph of the couple | दंपति का फोटो | वधू-वराचे छायाचित्र | required",
            "bride_age | Age proof of the bride | वधू की आयु का प्रमाण | वधूच्या वयाचा पुरावा | required",
            "groom_age | Age proof of the groom | वर की आयु का प्रमाण | वराच्या वयाचा पुरावा | "
            "required",
            "invitation | Wedding invitation card | विवाह निमंत्रण पत्र | लग्नपत्रिका | optional",
            "witnesses | Identity proof of three witnesses | तीन गवाहों का पहचान प्रमाण | तीन "
            "साक्षीदारांचा ओळखीचा पुरावा | required",
        ],
        [
            "date_of_marriage | date | Date of marriage | विवाह की तिथि | विवाहाचा दिनांक | "
            "required",
            "bride_name | devanagari | Name of the bride | वधू का नाम | वधूचे नाव | required",
            "groom_name | devanagari | Name of the groom | वर का नाम | वराचे नाव | required",
            "place_of_marriage | text | Place of marriage | विवाह स्थल | विवाहाचे ठिकाण | required",
        ],
    ),
)


def demo_definitions() -> list[dict]:
    """Every demo service as the row it becomes (department still a code).
    Raises ValueError naming the service when a line does not parse."""
    rows = []
    for (
        code,
        name_en,
        name_hi,
        name_mr,
        department,
        level,
        sla_days,
        govt_fee,
        user_charge,
        (csc, gp, society),
        documents,
        fields,
    ) in SERVICES:
        parsed_docs, errors = catalogue.parse_documents("\n".join(documents))
        parsed_fields, field_errors = catalogue.parse_fields("\n".join(fields))
        errors += field_errors
        if split := catalogue.split_error(csc, gp, society):
            errors.append(split)
        if errors:
            raise ValueError(f"demo service {code}: {'; '.join(map(str, errors))}")
        rows.append(
            {
                "code": code,
                "name_en": name_en,
                "name_hi": name_hi,
                "name_mr": name_mr,
                "department": department,
                "disposing_level": level,
                "sla_days": sla_days,
                "govt_fee": govt_fee,
                "user_charge": user_charge,
                "split_csc": csc,
                "split_gp": gp,
                "split_society": society,
                "documents_json": json.dumps(parsed_docs, ensure_ascii=False),
                "fields_json": json.dumps(parsed_fields, ensure_ascii=False),
                "active": True,
            }
        )
    return rows


def seed_demo(echo=print) -> int:
    """Insert the demo services into a catalogue that has none; return how
    many were inserted. Needs the masters' offices (seed the district first)."""
    if Service.select().exists():
        echo("the service catalogue already has services; none seeded")
        return 0
    offices = dict(
        Office.select(Office.code, Office.id)
        .where(Office.kind.in_(("zp_department", "collectorate_branch", "line_department")))
        .tuples()
    )
    fallback = (
        Office.select(Office.id)
        .where(Office.kind == "collectorate_branch")
        .order_by(Office.id)
        .scalar()
    )
    if fallback is None:
        echo("no collectorate branch in the masters; load the district first")
        return 0
    rows = demo_definitions()
    for row in rows:
        row["department"] = offices.get(row["department"], fallback)
    with db.atomic():
        Service.insert_many(rows).execute()
    echo(f"seeded {len(rows)} services")
    return len(rows)
