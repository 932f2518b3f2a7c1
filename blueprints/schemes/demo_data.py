# ruff: noqa: E501  (prose in three languages reads better unwrapped)
"""The demo district's schemes: real scheme names, with text that reads like
the real thing but is demo text (amounts and rules to be confirmed at the
office). Each: code, level, office code, illustration, beneficiary groups,
eligibility rules, CSC service code, titles and sections (en, hi, mr)."""

DEMO_NOTE = (
    "*Demo text: confirm the current rules and amounts at the office.*",
    "*डेमो पाठ: वर्तमान नियम और राशि कार्यालय से पुष्टि करें।*",
    "*डेमो मजकूर: सध्याचे नियम व रक्कम कार्यालयात खात्री करून घ्या.*",
)

SCHEMES = [
    {
        "code": "PMAY-G",
        "level": "central",
        "office": "ZP-PAN",
        "scene": "house",
        "groups": ["rural_poor", "bpl", "sc_st"],
        "rules": {"min_age": 18, "area": "rural"},
        "titles": (
            "Pradhan Mantri Awas Yojana – Gramin",
            "प्रधानमंत्री आवास योजना – ग्रामीण",
            "प्रधानमंत्री आवास योजना – ग्रामीण",
        ),
        "objective": (
            "A pucca house with basic amenities for every rural household that is homeless or lives in a kutcha or dilapidated house.",
            "हर बेघर या कच्चे/जर्जर मकान में रहने वाले ग्रामीण परिवार को मूलभूत सुविधाओं सहित पक्का मकान।",
            "बेघर किंवा कच्च्या/मोडकळीस आलेल्या घरात राहणाऱ्या प्रत्येक ग्रामीण कुटुंबाला मूलभूत सुविधांसह पक्के घर.",
        ),
        "eligibility": (
            "- Households in the Awaas+ survey list approved by the gram sabha\n- No pucca house anywhere in the family's name",
            "- ग्राम सभा द्वारा अनुमोदित आवास+ सर्वेक्षण सूची के परिवार\n- परिवार के नाम कहीं भी पक्का मकान न हो",
            "- ग्रामसभेने मंजूर केलेल्या आवास+ सर्वेक्षण यादीतील कुटुंबे\n- कुटुंबाच्या नावे कुठेही पक्के घर नसावे",
        ),
        "benefits": (
            "- **₹1,20,000** in three instalments into the bank account\n- ₹12,000 for a toilet (Swachh Bharat Mission)\n- 90 days of MGNREGA wages for building your own house",
            "- बैंक खाते में तीन किस्तों में **₹1,20,000**\n- शौचालय हेतु ₹12,000 (स्वच्छ भारत मिशन)\n- अपना घर बनाने के लिए मनरेगा की 90 दिन की मज़दूरी",
            "- बँक खात्यात तीन हप्त्यांत **₹1,20,000**\n- शौचालयासाठी ₹12,000 (स्वच्छ भारत मिशन)\n- स्वतःचे घर बांधण्यासाठी मनरेगाची 90 दिवसांची मजुरी",
        ),
        "how_to_apply": (
            "Names come from the Awaas+ list. Ask the gram sevak whether your name is on it; the gram sabha approves the priority list.",
            "नाम आवास+ सूची से आते हैं। ग्राम सेवक से पूछें कि आपका नाम सूची में है या नहीं; प्राथमिकता सूची ग्राम सभा मंज़ूर करती है।",
            "नावे आवास+ यादीतून येतात. तुमचे नाव यादीत आहे का ते ग्रामसेवकांना विचारा; प्राधान्य यादी ग्रामसभा मंजूर करते.",
        ),
        "documents": (
            "- Aadhaar card\n- Bank passbook\n- MGNREGA job card\n- 7/12 extract or gram panchayat certificate of the plot",
            "- आधार कार्ड\n- बैंक पासबुक\n- मनरेगा जॉब कार्ड\n- भूखंड का 7/12 उतारा या ग्राम पंचायत प्रमाणपत्र",
            "- आधार कार्ड\n- बँक पासबुक\n- मनरेगा जॉब कार्ड\n- जागेचा 7/12 उतारा किंवा ग्रामपंचायतीचा दाखला",
        ),
        "contact": (
            "Block Development Officer of your panchayat samiti; gram sevak of your gram panchayat.",
            "अपनी पंचायत समिति के खंड विकास अधिकारी; अपनी ग्राम पंचायत के ग्राम सेवक।",
            "तुमच्या पंचायत समितीचे गटविकास अधिकारी; तुमच्या ग्रामपंचायतीचे ग्रामसेवक.",
        ),
        "alt": (
            "A new pucca house with a red roof",
            "लाल छत वाला नया पक्का मकान",
            "लाल छपराचे नवीन पक्के घर",
        ),
    },
    {
        "code": "PM-KISAN",
        "level": "central",
        "office": "DSAO",
        "scene": "field",
        "groups": ["farmers"],
        "rules": {"min_age": 18, "occupations": ["farmer"]},
        "titles": (
            "PM-KISAN Samman Nidhi",
            "पीएम-किसान सम्मान निधि",
            "पीएम-किसान सन्मान निधी",
        ),
        "objective": (
            "Income support to landholding farmer families for seeds, fertiliser and other farm needs.",
            "भूमिधारक किसान परिवारों को बीज, खाद और खेती की अन्य ज़रूरतों के लिए आय सहायता।",
            "जमीनधारक शेतकरी कुटुंबांना बियाणे, खते व शेतीच्या इतर गरजांसाठी उत्पन्न सहाय्य.",
        ),
        "eligibility": (
            "Farmer families with cultivable land in their name. Not for income-tax payers, government employees or pensioners above ₹10,000 a month.",
            "जिन किसान परिवारों के नाम खेती योग्य भूमि है। आयकरदाता, सरकारी कर्मचारी या ₹10,000 मासिक से अधिक पेंशन पाने वाले पात्र नहीं।",
            "ज्या शेतकरी कुटुंबांच्या नावे लागवडीयोग्य जमीन आहे. आयकरदाते, शासकीय कर्मचारी किंवा दरमहा ₹10,000 पेक्षा जास्त निवृत्तीवेतन घेणारे पात्र नाहीत.",
        ),
        "benefits": (
            "**₹6,000 a year** in three instalments of ₹2,000, paid straight into an Aadhaar-linked bank account.",
            "**₹6,000 प्रति वर्ष**, ₹2,000 की तीन किस्तों में, सीधे आधार से जुड़े बैंक खाते में।",
            "**वर्षाला ₹6,000**, ₹2,000 च्या तीन हप्त्यांत, थेट आधारशी जोडलेल्या बँक खात्यात.",
        ),
        "how_to_apply": (
            "Register at a CSC or on the PM-KISAN portal; complete e-KYC and link Aadhaar to your bank account.",
            "सीएससी पर या पीएम-किसान पोर्टल पर पंजीकरण करें; ई-केवाईसी पूरा करें और आधार को बैंक खाते से जोड़ें।",
            "सीएससी केंद्रात किंवा पीएम-किसान पोर्टलवर नोंदणी करा; ई-केवायसी पूर्ण करा आणि आधार बँक खात्याशी जोडा.",
        ),
        "documents": (
            "- Aadhaar card\n- 7/12 and 8-A extracts\n- Bank passbook",
            "- आधार कार्ड\n- 7/12 और 8-अ उतारा\n- बैंक पासबुक",
            "- आधार कार्ड\n- 7/12 व 8-अ उतारा\n- बँक पासबुक",
        ),
        "contact": (
            "Taluka agriculture officer; agriculture assistant of your village.",
            "तालुका कृषि अधिकारी; आपके गाँव के कृषि सहायक।",
            "तालुका कृषी अधिकारी; तुमच्या गावाचे कृषी सहाय्यक.",
        ),
        "alt": ("A farmer in a field of ripe crop", "पकी फसल के खेत में किसान", "पिकलेल्या शेतात शेतकरी"),
    },
    {
        "code": "RAMAI",
        "level": "state",
        "office": "ZP-SW",
        "scene": "house",
        "groups": ["sc_st", "rural_poor"],
        "rules": {"min_age": 18, "categories": ["sc"], "income_max": 120000},
        "titles": ("Ramai Awas Yojana", "रमाई आवास योजना", "रमाई आवास योजना"),
        "objective": (
            "Houses for Scheduled Caste and Nav-Bauddha families who have no pucca house.",
            "पक्के मकान से वंचित अनुसूचित जाति और नवबौद्ध परिवारों के लिए घर।",
            "पक्के घर नसलेल्या अनुसूचित जाती व नवबौद्ध कुटुंबांसाठी घरे.",
        ),
        "eligibility": (
            "- Scheduled Caste or Nav-Bauddha family living in Maharashtra for 15 years\n- Annual family income up to ₹1,20,000\n- No pucca house",
            "- 15 वर्षों से महाराष्ट्र में रहने वाला अनुसूचित जाति या नवबौद्ध परिवार\n- परिवार की वार्षिक आय ₹1,20,000 तक\n- पक्का मकान न हो",
            "- 15 वर्षांपासून महाराष्ट्रात राहणारे अनुसूचित जाती किंवा नवबौद्ध कुटुंब\n- कुटुंबाचे वार्षिक उत्पन्न ₹1,20,000 पर्यंत\n- पक्के घर नसावे",
        ),
        "benefits": (
            "**₹1,32,000** for a house of 269 sq ft in rural areas, in instalments as the work goes on.",
            "ग्रामीण क्षेत्र में 269 वर्ग फुट के घर के लिए **₹1,32,000**, काम की प्रगति के अनुसार किस्तों में।",
            "ग्रामीण भागात 269 चौ. फूट घरासाठी **₹1,32,000**, कामाच्या प्रगतीनुसार हप्त्यांत.",
        ),
        "how_to_apply": (
            "Apply to the gram panchayat; the gram sabha approves the list and the panchayat samiti sanctions it.",
            "ग्राम पंचायत को आवेदन दें; सूची ग्राम सभा मंज़ूर करती है और पंचायत समिति स्वीकृति देती है।",
            "ग्रामपंचायतीकडे अर्ज करा; यादी ग्रामसभा मंजूर करते आणि पंचायत समिती मंजुरी देते.",
        ),
        "documents": (
            "- Caste certificate\n- Income certificate\n- Aadhaar card\n- Proof of the plot",
            "- जाति प्रमाण पत्र\n- आय प्रमाण पत्र\n- आधार कार्ड\n- भूखंड का प्रमाण",
            "- जातीचा दाखला\n- उत्पन्नाचा दाखला\n- आधार कार्ड\n- जागेचा पुरावा",
        ),
        "contact": (
            "Social Welfare Officer, Zilla Parishad; Block Development Officer.",
            "समाज कल्याण अधिकारी, जिला परिषद; खंड विकास अधिकारी।",
            "समाज कल्याण अधिकारी, जिल्हा परिषद; गटविकास अधिकारी.",
        ),
        "alt": ("A family's new house", "परिवार का नया घर", "कुटुंबाचे नवीन घर"),
    },
    {
        "code": "SGNY",
        "level": "state",
        "office": "COLL-REV",
        "scene": "elders",
        "groups": ["divyang", "women", "bpl"],
        "rules": {"min_age": 18, "max_age": 64, "income_max": 21000},
        "service": "PENSION-OLD",
        "titles": (
            "Sanjay Gandhi Niradhar Anudan Yojana",
            "संजय गांधी निराधार अनुदान योजना",
            "संजय गांधी निराधार अनुदान योजना",
        ),
        "objective": (
            "Monthly financial help to destitute persons below 65: persons with disabilities, widows, deserted women and the seriously ill.",
            "65 वर्ष से कम आयु के निराधार व्यक्तियों को मासिक आर्थिक सहायता: दिव्यांग, विधवा, परित्यक्ता और गंभीर रोगी।",
            "65 वर्षांखालील निराधार व्यक्तींना दरमहा आर्थिक सहाय्य: दिव्यांग, विधवा, परित्यक्ता व गंभीर आजारी.",
        ),
        "eligibility": (
            "- Aged 18 to 64\n- Annual family income up to ₹21,000\n- Resident of Maharashtra for 15 years",
            "- 18 से 64 वर्ष की आयु\n- परिवार की वार्षिक आय ₹21,000 तक\n- 15 वर्षों से महाराष्ट्र का निवासी",
            "- वय 18 ते 64 वर्षे\n- कुटुंबाचे वार्षिक उत्पन्न ₹21,000 पर्यंत\n- 15 वर्षांपासून महाराष्ट्राचा रहिवासी",
        ),
        "benefits": (
            "**₹1,500 a month** paid by direct benefit transfer.",
            "थेट लाभ अंतरण से **₹1,500 प्रति माह**।",
            "थेट लाभ हस्तांतरणाद्वारे **दरमहा ₹1,500**.",
        ),
        "how_to_apply": (
            "Apply at a CSC (Aaple Sarkar Seva Kendra) or at the Sanjay Gandhi Yojana branch of the tehsil office.",
            "सीएससी (आपले सरकार सेवा केंद्र) पर या तहसील कार्यालय की संजय गांधी योजना शाखा में आवेदन करें।",
            "सीएससी (आपले सरकार सेवा केंद्र) किंवा तहसील कार्यालयाच्या संजय गांधी योजना शाखेत अर्ज करा.",
        ),
        "documents": (
            "- Age proof\n- Income certificate from the tehsildar\n- Disability, widow or other certificate as the case may be\n- Bank passbook",
            "- आयु का प्रमाण\n- तहसीलदार का आय प्रमाण पत्र\n- आवश्यकतानुसार दिव्यांग, विधवा या अन्य प्रमाण पत्र\n- बैंक पासबुक",
            "- वयाचा पुरावा\n- तहसीलदारांचा उत्पन्नाचा दाखला\n- लागू असेल तसे दिव्यांग, विधवा किंवा इतर प्रमाणपत्र\n- बँक पासबुक",
        ),
        "contact": (
            "Naib tahsildar, Sanjay Gandhi Yojana branch, tehsil office.",
            "नायब तहसीलदार, संजय गांधी योजना शाखा, तहसील कार्यालय।",
            "नायब तहसीलदार, संजय गांधी योजना शाखा, तहसील कार्यालय.",
        ),
        "alt": ("Two elderly people on a bench", "बेंच पर बैठे दो बुज़ुर्ग", "बाकावर बसलेले दोन वृद्ध"),
    },
    {
        "code": "SHRAVANBAL",
        "level": "state",
        "office": "COLL-REV",
        "scene": "elders",
        "groups": ["senior", "bpl"],
        "rules": {"min_age": 65, "income_max": 21000},
        "service": "PENSION-OLD",
        "titles": (
            "Shravanbal Seva Rajya Nivruttivetan Yojana",
            "श्रावणबाळ सेवा राज्य निवृत्तिवेतन योजना",
            "श्रावणबाळ सेवा राज्य निवृत्तीवेतन योजना",
        ),
        "objective": (
            "A monthly pension for poor senior citizens of 65 and above.",
            "65 वर्ष और अधिक आयु के गरीब वरिष्ठ नागरिकों को मासिक पेंशन।",
            "65 वर्षे व त्याहून अधिक वयाच्या गरीब ज्येष्ठ नागरिकांना मासिक निवृत्तीवेतन.",
        ),
        "eligibility": (
            "- 65 years or older\n- Annual family income up to ₹21,000, or name in the BPL list",
            "- 65 वर्ष या अधिक आयु\n- परिवार की वार्षिक आय ₹21,000 तक, या बीपीएल सूची में नाम",
            "- वय 65 वर्षे किंवा अधिक\n- कुटुंबाचे वार्षिक उत्पन्न ₹21,000 पर्यंत, किंवा दारिद्र्य रेषेखालील यादीत नाव",
        ),
        "benefits": (
            "**₹1,500 a month**; those in the BPL list also get the central old-age pension.",
            "**₹1,500 प्रति माह**; बीपीएल सूची वालों को केंद्र की वृद्धावस्था पेंशन भी।",
            "**दरमहा ₹1,500**; दारिद्र्य रेषेखालील यादीतील व्यक्तींना केंद्राचे वृद्धापकाळ निवृत्तीवेतनही.",
        ),
        "how_to_apply": (
            "Apply at a CSC or at the tehsil office.",
            "सीएससी पर या तहसील कार्यालय में आवेदन करें।",
            "सीएससी केंद्रात किंवा तहसील कार्यालयात अर्ज करा.",
        ),
        "documents": (
            "- Age proof (school leaving certificate, birth certificate or medical certificate)\n- Income certificate\n- Bank passbook",
            "- आयु प्रमाण (विद्यालय छोड़ने का प्रमाण पत्र, जन्म प्रमाण पत्र या चिकित्सा प्रमाण पत्र)\n- आय प्रमाण पत्र\n- बैंक पासबुक",
            "- वयाचा पुरावा (शाळा सोडल्याचा दाखला, जन्म दाखला किंवा वैद्यकीय प्रमाणपत्र)\n- उत्पन्नाचा दाखला\n- बँक पासबुक",
        ),
        "contact": (
            "Sanjay Gandhi Yojana branch, tehsil office.",
            "संजय गांधी योजना शाखा, तहसील कार्यालय।",
            "संजय गांधी योजना शाखा, तहसील कार्यालय.",
        ),
        "alt": (
            "An elderly couple with a walking stick",
            "छड़ी के साथ बुज़ुर्ग दंपति",
            "काठी घेतलेले वृद्ध दांपत्य",
        ),
    },
    {
        "code": "MJPJAY",
        "level": "state",
        "office": "ZP-HLT",
        "scene": "clinic",
        "groups": ["bpl", "farmers"],
        "rules": {},
        "titles": (
            "Mahatma Jyotiba Phule Jan Arogya Yojana",
            "महात्मा ज्योतिबा फुले जन आरोग्य योजना",
            "महात्मा ज्योतिबा फुले जन आरोग्य योजना",
        ),
        "objective": (
            "Cashless treatment in empanelled hospitals for serious illnesses, so that no family is ruined by a hospital bill.",
            "सूचीबद्ध अस्पतालों में गंभीर बीमारियों का कैशलेस इलाज, ताकि अस्पताल के बिल से कोई परिवार बर्बाद न हो।",
            "अंगीकृत रुग्णालयांत गंभीर आजारांवर कॅशलेस उपचार, जेणेकरून रुग्णालयाच्या बिलामुळे कोणतेही कुटुंब उद्ध्वस्त होऊ नये.",
        ),
        "eligibility": (
            "Every family resident in Maharashtra with a ration card or domicile certificate.",
            "राशन कार्ड या अधिवास प्रमाण पत्र वाला महाराष्ट्र का हर निवासी परिवार।",
            "शिधापत्रिका किंवा अधिवास प्रमाणपत्र असलेले महाराष्ट्रातील प्रत्येक रहिवासी कुटुंब.",
        ),
        "benefits": (
            "- Cover of **₹5,00,000** a family a year\n- Over 1,300 procedures, with follow-up",
            "- प्रति परिवार प्रति वर्ष **₹5,00,000** का कवच\n- 1,300 से अधिक उपचार, अनुवर्ती सहित",
            "- प्रति कुटुंब प्रति वर्ष **₹5,00,000** चे संरक्षण\n- 1,300 हून अधिक उपचार, पाठपुराव्यासह",
        ),
        "how_to_apply": (
            "Go to the Arogyamitra desk of an empanelled hospital with your ration card and Aadhaar; no form in advance.",
            "राशन कार्ड और आधार लेकर सूचीबद्ध अस्पताल के आरोग्यमित्र कक्ष में जाएँ; पहले से कोई फ़ॉर्म नहीं।",
            "शिधापत्रिका व आधार घेऊन अंगीकृत रुग्णालयातील आरोग्यमित्र कक्षात जा; आधी कोणताही अर्ज नाही.",
        ),
        "documents": (
            "- Ration card or domicile certificate\n- Aadhaar card",
            "- राशन कार्ड या अधिवास प्रमाण पत्र\n- आधार कार्ड",
            "- शिधापत्रिका किंवा अधिवास प्रमाणपत्र\n- आधार कार्ड",
        ),
        "contact": (
            "District Health Officer, Zilla Parishad; Arogyamitra at the hospital.",
            "जिला स्वास्थ्य अधिकारी, जिला परिषद; अस्पताल के आरोग्यमित्र।",
            "जिल्हा आरोग्य अधिकारी, जिल्हा परिषद; रुग्णालयातील आरोग्यमित्र.",
        ),
        "alt": (
            "A hospital building with a red cross",
            "लाल क्रॉस वाला अस्पताल भवन",
            "लाल क्रॉस असलेली रुग्णालयाची इमारत",
        ),
    },
    {
        "code": "MTS",
        "level": "state",
        "office": "DSAO",
        "scene": "pond",
        "groups": ["farmers"],
        "rules": {"min_age": 18, "occupations": ["farmer"], "area": "rural"},
        "titles": ("Magel Tyala Shettale", "मागेल त्याला खेत तालाब", "मागेल त्याला शेततळे"),
        "objective": (
            "A farm pond for every farmer who asks for one, to save rain water for protective irrigation.",
            "माँगने वाले हर किसान को खेत तालाब, ताकि वर्षा जल बचाकर सुरक्षात्मक सिंचाई हो सके।",
            "मागणी करणाऱ्या प्रत्येक शेतकऱ्याला शेततळे, जेणेकरून पावसाचे पाणी साठवून संरक्षित सिंचन करता येईल.",
        ),
        "eligibility": (
            "- At least 0.60 hectare of land in the farmer's name\n- No farm pond taken under another scheme",
            "- किसान के नाम कम से कम 0.60 हेक्टेयर भूमि\n- किसी अन्य योजना में खेत तालाब न लिया हो",
            "- शेतकऱ्याच्या नावे किमान 0.60 हेक्टर जमीन\n- इतर योजनेतून शेततळे घेतलेले नसावे",
        ),
        "benefits": (
            "A grant of up to **₹75,000** by the size of the pond, paid after the work is checked.",
            "तालाब के आकार के अनुसार **₹75,000** तक का अनुदान, काम की जाँच के बाद।",
            "शेततळ्याच्या आकारानुसार **₹75,000** पर्यंत अनुदान, कामाच्या तपासणीनंतर.",
        ),
        "how_to_apply": (
            "Apply on the MahaDBT farmer portal, at a CSC, or through the agriculture assistant.",
            "महाडीबीटी किसान पोर्टल पर, सीएससी पर या कृषि सहायक के माध्यम से आवेदन करें।",
            "महाडीबीटी शेतकरी पोर्टलवर, सीएससी केंद्रात किंवा कृषी सहाय्यकांमार्फत अर्ज करा.",
        ),
        "documents": (
            "- 7/12 and 8-A extracts\n- Aadhaar card\n- Bank passbook",
            "- 7/12 और 8-अ उतारा\n- आधार कार्ड\n- बैंक पासबुक",
            "- 7/12 व 8-अ उतारा\n- आधार कार्ड\n- बँक पासबुक",
        ),
        "contact": (
            "Taluka agriculture officer.",
            "तालुका कृषि अधिकारी।",
            "तालुका कृषी अधिकारी.",
        ),
        "alt": (
            "A farm pond full of water beside a field",
            "खेत के पास पानी से भरा तालाब",
            "शेताशेजारी पाण्याने भरलेले शेततळे",
        ),
    },
    {
        "code": "ZP-CESS-BC",
        "level": "zp_own",
        "office": "ZP-SW",
        "scene": "field",
        "groups": ["sc_st", "backward"],
        "rules": {"categories": ["sc", "vjnt", "sbc"], "income_max": 120000, "area": "rural"},
        "titles": (
            "ZP 20% cess schemes for backward classes",
            "जिला परिषद 20% उपकर – पिछड़े वर्गों की योजनाएँ",
            "जिल्हा परिषद 20% सेस – मागासवर्गीयांसाठी योजना",
        ),
        "objective": (
            "Twenty per cent of the Zilla Parishad's own cess income goes to the welfare of backward classes: tools, equipment and training for a living.",
            "जिला परिषद की अपनी उपकर आय का बीस प्रतिशत पिछड़े वर्गों के कल्याण पर: आजीविका के लिए औज़ार, उपकरण और प्रशिक्षण।",
            "जिल्हा परिषदेच्या स्वतःच्या सेस उत्पन्नापैकी वीस टक्के मागासवर्गीयांच्या कल्याणासाठी: उपजीविकेसाठी अवजारे, साहित्य व प्रशिक्षण.",
        ),
        "eligibility": (
            "- SC, Nav-Bauddha, VJNT or SBC family in a rural area\n- Annual family income up to ₹1,20,000",
            "- ग्रामीण क्षेत्र का अनुसूचित जाति, नवबौद्ध, विमुक्त-घुमंतू या विशेष पिछड़ा वर्ग परिवार\n- परिवार की वार्षिक आय ₹1,20,000 तक",
            "- ग्रामीण भागातील अनुसूचित जाती, नवबौद्ध, विमुक्त जाती-भटक्या जमाती किंवा विशेष मागास प्रवर्गातील कुटुंब\n- कुटुंबाचे वार्षिक उत्पन्न ₹1,20,000 पर्यंत",
        ),
        "benefits": (
            "90% subsidy on one of:\n\n- an oil engine or electric pump\n- PVC pipeline for irrigation\n- a sewing machine\n- a bicycle for a girl student",
            "इनमें से एक पर 90% अनुदान:\n\n- ऑयल इंजन या बिजली पंप\n- सिंचाई के लिए पीवीसी पाइपलाइन\n- सिलाई मशीन\n- छात्रा के लिए साइकिल",
            "यांपैकी एकावर 90% अनुदान:\n\n- ऑईल इंजिन किंवा विद्युत पंप\n- सिंचनासाठी पीव्हीसी पाईपलाईन\n- शिलाई मशीन\n- विद्यार्थिनीसाठी सायकल",
        ),
        "how_to_apply": (
            "Apply to the panchayat samiti when the Zilla Parishad invites applications (usually June–August); the gram sabha recommends.",
            "जिला परिषद द्वारा आवेदन आमंत्रित करने पर (प्रायः जून–अगस्त) पंचायत समिति को आवेदन दें; ग्राम सभा सिफ़ारिश करती है।",
            "जिल्हा परिषद अर्ज मागवते तेव्हा (साधारण जून–ऑगस्ट) पंचायत समितीकडे अर्ज करा; ग्रामसभा शिफारस करते.",
        ),
        "documents": (
            "- Caste certificate\n- Income certificate\n- Gram sabha resolution\n- Aadhaar card and bank passbook",
            "- जाति प्रमाण पत्र\n- आय प्रमाण पत्र\n- ग्राम सभा का प्रस्ताव\n- आधार कार्ड और बैंक पासबुक",
            "- जातीचा दाखला\n- उत्पन्नाचा दाखला\n- ग्रामसभेचा ठराव\n- आधार कार्ड व बँक पासबुक",
        ),
        "contact": (
            "Social Welfare Officer, Zilla Parishad; extension officer (social welfare) at the panchayat samiti.",
            "समाज कल्याण अधिकारी, जिला परिषद; पंचायत समिति के विस्तार अधिकारी (समाज कल्याण)।",
            "समाज कल्याण अधिकारी, जिल्हा परिषद; पंचायत समितीतील विस्तार अधिकारी (समाज कल्याण).",
        ),
        "alt": (
            "A farmer with a new irrigation pump",
            "नए सिंचाई पंप के साथ किसान",
            "नवीन सिंचन पंपासह शेतकरी",
        ),
    },
    {
        "code": "ZP-DIVYANG-5",
        "level": "zp_own",
        "office": "ZP-SW",
        "scene": "divyang",
        "groups": ["divyang"],
        "rules": {"disability": True, "area": "rural"},
        "titles": (
            "ZP 5% fund for persons with disabilities",
            "जिला परिषद 5% दिव्यांग निधि",
            "जिल्हा परिषद 5% दिव्यांग निधी",
        ),
        "objective": (
            "Five per cent of the Zilla Parishad's own income is kept for persons with disabilities: aids, self-employment and accessible homes.",
            "जिला परिषद की अपनी आय का पाँच प्रतिशत दिव्यांगजनों के लिए: सहायक उपकरण, स्वरोज़गार और सुगम आवास।",
            "जिल्हा परिषदेच्या स्वतःच्या उत्पन्नापैकी पाच टक्के दिव्यांग व्यक्तींसाठी राखीव: साहाय्यक साधने, स्वयंरोजगार व सुगम घरे.",
        ),
        "eligibility": (
            "A person with a disability of 40% or more (UDID card) living in a rural area of the district.",
            "जिले के ग्रामीण क्षेत्र में रहने वाला 40% या अधिक दिव्यांगता (यूडीआईडी कार्ड) वाला व्यक्ति।",
            "जिल्ह्याच्या ग्रामीण भागात राहणारी 40% किंवा अधिक दिव्यांगत्व (यूडीआयडी कार्ड) असलेली व्यक्ती.",
        ),
        "benefits": (
            "- A tricycle, wheelchair, hearing aid or other aid\n- Up to ₹20,000 for a small business\n- Help to make a house accessible",
            "- ट्राइसाइकिल, व्हीलचेयर, श्रवण यंत्र या अन्य उपकरण\n- छोटे व्यवसाय के लिए ₹20,000 तक\n- घर को सुगम बनाने में सहायता",
            "- तीनचाकी सायकल, व्हीलचेअर, श्रवणयंत्र किंवा इतर साधन\n- छोट्या व्यवसायासाठी ₹20,000 पर्यंत\n- घर सुगम करण्यासाठी मदत",
        ),
        "how_to_apply": (
            "Apply to the gram panchayat or the panchayat samiti with the UDID card.",
            "यूडीआईडी कार्ड के साथ ग्राम पंचायत या पंचायत समिति को आवेदन दें।",
            "यूडीआयडी कार्डसह ग्रामपंचायत किंवा पंचायत समितीकडे अर्ज करा.",
        ),
        "documents": (
            "- UDID card or disability certificate\n- Aadhaar card\n- Bank passbook",
            "- यूडीआईडी कार्ड या दिव्यांगता प्रमाण पत्र\n- आधार कार्ड\n- बैंक पासबुक",
            "- यूडीआयडी कार्ड किंवा दिव्यांग प्रमाणपत्र\n- आधार कार्ड\n- बँक पासबुक",
        ),
        "contact": (
            "Social Welfare Officer, Zilla Parishad.",
            "",  # left out on purpose: the page shows the Marathi and says so
            "समाज कल्याण अधिकारी, जिल्हा परिषद.",
        ),
        "alt": (
            "A person in a wheelchair near a house",
            "घर के पास व्हीलचेयर पर एक व्यक्ति",
            "घराजवळ व्हीलचेअरवरील व्यक्ती",
        ),
    },
    {
        "code": "SSY",
        "level": "central",
        "office": "ZP-WCW",
        "scene": "school",
        "groups": ["girls"],
        "rules": {"max_age": 9, "genders": ["female"]},  # "below 10"
        "titles": ("Sukanya Samriddhi Yojana", "सुकन्या समृद्धि योजना", "सुकन्या समृद्धी योजना"),
        "objective": (
            "A savings account for a girl's education and marriage, with a high, tax-free interest rate.",
            "बालिका की शिक्षा और विवाह के लिए ऊँची, कर-मुक्त ब्याज दर वाला बचत खाता।",
            "मुलीच्या शिक्षण व लग्नासाठी जास्त, करमुक्त व्याजदराचे बचत खाते.",
        ),
        "eligibility": (
            "A girl below 10 years of age; at most two girls a family.",
            "10 वर्ष से कम आयु की बालिका; एक परिवार में अधिकतम दो बालिकाएँ।",
            "10 वर्षांखालील मुलगी; एका कुटुंबात जास्तीत जास्त दोन मुली.",
        ),
        "benefits": (
            "- Deposit ₹250 to ₹1,50,000 a year for 15 years\n- Interest set each quarter by the government (8.2% in the demo year)\n- Matures when the girl is 21",
            "- 15 वर्ष तक प्रति वर्ष ₹250 से ₹1,50,000 तक जमा\n- ब्याज हर तिमाही सरकार तय करती है (डेमो वर्ष में 8.2%)\n- बालिका के 21 वर्ष की होने पर परिपक्व",
            "- 15 वर्षे दरवर्षी ₹250 ते ₹1,50,000 जमा\n- व्याजदर शासन दर तिमाहीला ठरवते (डेमो वर्षात 8.2%)\n- मुलगी 21 वर्षांची झाल्यावर परिपक्व",
        ),
        "how_to_apply": (
            "Open the account at a post office or a bank; the anganwadi sevika helps with the form.",
            "डाकघर या बैंक में खाता खोलें; आंगनवाड़ी सेविका फ़ॉर्म भरने में मदद करती हैं।",
            "टपाल कार्यालय किंवा बँकेत खाते उघडा; अंगणवाडी सेविका अर्ज भरण्यास मदत करतात.",
        ),
        "documents": (
            "- Girl's birth certificate\n- Parent's Aadhaar and PAN\n- Photographs",
            "- बालिका का जन्म प्रमाण पत्र\n- माता-पिता का आधार और पैन\n- फ़ोटो",
            "- मुलीचा जन्म दाखला\n- पालकांचे आधार व पॅन\n- फोटो",
        ),
        "contact": (
            "Child Development Project Officer; the anganwadi of your village.",
            "बाल विकास परियोजना अधिकारी; आपके गाँव की आंगनवाड़ी।",
            "बाल विकास प्रकल्प अधिकारी; तुमच्या गावातील अंगणवाडी.",
        ),
        "alt": (
            "A girl with a school bag outside a school",
            "विद्यालय के बाहर बस्ते के साथ बालिका",
            "शाळेबाहेर दप्तर घेतलेली मुलगी",
        ),
    },
    {
        "code": "MKB",
        "level": "state",
        "office": "ZP-WCW",
        "scene": "school",
        "groups": ["girls", "women"],
        # Born after 1 August 2017: at most 9 years old in the demo year 2026-27.
        "rules": {"max_age": 9, "genders": ["female"], "income_max": 750000},
        "titles": ("Majhi Kanya Bhagyashree", "माझी कन्या भाग्यश्री", "माझी कन्या भाग्यश्री"),
        "objective": (
            "To improve the sex ratio and girls' education, with a deposit in the girl's name.",
            "बालिका के नाम जमा राशि से लिंगानुपात और बालिका शिक्षा में सुधार।",
            "मुलीच्या नावे ठेव ठेवून लिंगगुणोत्तर व मुलींच्या शिक्षणात सुधारणा.",
        ),
        "eligibility": (
            "- A girl born after 1 August 2017 in Maharashtra\n- Family income up to ₹7,50,000 a year\n- Family planning operation after one or two girls",
            "- 1 अगस्त 2017 के बाद महाराष्ट्र में जन्मी बालिका\n- परिवार की वार्षिक आय ₹7,50,000 तक\n- एक या दो बालिकाओं के बाद परिवार नियोजन शस्त्रक्रिया",
            "- 1 ऑगस्ट 2017 नंतर महाराष्ट्रात जन्मलेली मुलगी\n- कुटुंबाचे वार्षिक उत्पन्न ₹7,50,000 पर्यंत\n- एक किंवा दोन मुलींनंतर कुटुंब नियोजन शस्त्रक्रिया",
        ),
        "benefits": (
            "₹50,000 deposited for one girl, or ₹25,000 each for two girls.",
            "एक बालिका के लिए ₹50,000, या दो बालिकाओं के लिए ₹25,000 प्रत्येक जमा।",
            "एका मुलीसाठी ₹50,000, किंवा दोन मुलींसाठी प्रत्येकी ₹25,000 ठेव.",
        ),
        "how_to_apply": (
            "Apply to the anganwadi sevika or the Child Development Project Officer.",
            "आंगनवाड़ी सेविका या बाल विकास परियोजना अधिकारी को आवेदन दें।",
            "अंगणवाडी सेविका किंवा बाल विकास प्रकल्प अधिकाऱ्यांकडे अर्ज करा.",
        ),
        "documents": (
            "- Birth certificate\n- Family planning certificate\n- Income certificate\n- Joint bank account of mother and girl",
            "- जन्म प्रमाण पत्र\n- परिवार नियोजन प्रमाण पत्र\n- आय प्रमाण पत्र\n- माता और बालिका का संयुक्त बैंक खाता",
            "- जन्म दाखला\n- कुटुंब नियोजन प्रमाणपत्र\n- उत्पन्नाचा दाखला\n- आई व मुलीचे संयुक्त बँक खाते",
        ),
        "contact": (
            "Deputy Chief Executive Officer (Women and Child Welfare), Zilla Parishad.",
            "उप मुख्य कार्यकारी अधिकारी (महिला एवं बाल कल्याण), जिला परिषद।",
            "उपमुख्य कार्यकारी अधिकारी (महिला व बाल कल्याण), जिल्हा परिषद.",
        ),
        "alt": ("A girl going to school", "विद्यालय जाती बालिका", "शाळेत जाणारी मुलगी"),
    },
    {
        "code": "BAKSY",
        "level": "state",
        "office": "DSAO",
        "scene": "pond",
        "groups": ["farmers", "sc_st"],
        "rules": {
            "min_age": 18,
            "categories": ["sc"],
            "occupations": ["farmer"],
            "income_max": 150000,
        },
        "titles": (
            "Dr. Babasaheb Ambedkar Krishi Swavalamban Yojana",
            "डॉ. बाबासाहेब आंबेडकर कृषि स्वावलंबन योजना",
            "डॉ. बाबासाहेब आंबेडकर कृषी स्वावलंबन योजना",
        ),
        "objective": (
            "Irrigation for Scheduled Caste and Nav-Bauddha farmers: a new well, repairs, pumps and drip sets.",
            "अनुसूचित जाति और नवबौद्ध किसानों के लिए सिंचाई: नया कुआँ, मरम्मत, पंप और ड्रिप सेट।",
            "अनुसूचित जाती व नवबौद्ध शेतकऱ्यांसाठी सिंचन: नवीन विहीर, दुरुस्ती, पंप व ठिबक संच.",
        ),
        "eligibility": (
            "- SC or Nav-Bauddha farmer with 0.40 to 6 hectares\n- Annual family income up to ₹1,50,000",
            "- 0.40 से 6 हेक्टेयर भूमि वाला अनुसूचित जाति या नवबौद्ध किसान\n- परिवार की वार्षिक आय ₹1,50,000 तक",
            "- 0.40 ते 6 हेक्टर जमीन असलेला अनुसूचित जाती किंवा नवबौद्ध शेतकरी\n- कुटुंबाचे वार्षिक उत्पन्न ₹1,50,000 पर्यंत",
        ),
        "benefits": (
            "- New well: up to ₹2,50,000\n- Old well repair: up to ₹50,000\n- Pump set: up to ₹20,000; drip set: up to ₹50,000",
            "- नया कुआँ: ₹2,50,000 तक\n- पुराने कुएँ की मरम्मत: ₹50,000 तक\n- पंप सेट: ₹20,000 तक; ड्रिप सेट: ₹50,000 तक",
            "- नवीन विहीर: ₹2,50,000 पर्यंत\n- जुनी विहीर दुरुस्ती: ₹50,000 पर्यंत\n- पंप संच: ₹20,000 पर्यंत; ठिबक संच: ₹50,000 पर्यंत",
        ),
        "how_to_apply": (
            "Apply on the MahaDBT farmer portal or at a CSC.",
            "महाडीबीटी किसान पोर्टल पर या सीएससी पर आवेदन करें।",
            "महाडीबीटी शेतकरी पोर्टलवर किंवा सीएससी केंद्रात अर्ज करा.",
        ),
        "documents": (
            "- Caste certificate\n- Income certificate\n- 7/12 and 8-A extracts\n- Aadhaar card and bank passbook",
            "- जाति प्रमाण पत्र\n- आय प्रमाण पत्र\n- 7/12 और 8-अ उतारा\n- आधार कार्ड और बैंक पासबुक",
            "- जातीचा दाखला\n- उत्पन्नाचा दाखला\n- 7/12 व 8-अ उतारा\n- आधार कार्ड व बँक पासबुक",
        ),
        "contact": (
            "Agriculture Development Officer, Zilla Parishad; taluka agriculture officer.",
            "कृषि विकास अधिकारी, जिला परिषद; तालुका कृषि अधिकारी।",
            "कृषी विकास अधिकारी, जिल्हा परिषद; तालुका कृषी अधिकारी.",
        ),
        "alt": (
            "A new well and a pond for irrigation",
            "सिंचाई के लिए नया कुआँ और तालाब",
            "सिंचनासाठी नवीन विहीर व तळे",
        ),
    },
]
