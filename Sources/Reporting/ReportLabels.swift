import CareDomain

struct ReportLabels {
    let language: ReportLanguage

    private static let english: [String: String] = [
        "Weekrooster": "Weekly roster", "Kerncijfers": "Key figures", "Status": "Status", "Dekking": "Coverage",
        "Ingeroosterd": "Rostered", "Niet gedekt": "Uncovered", "Kosten": "Cost", "FTE tekort": "FTE gap",
        "Werving": "To hire", "Per locatie": "Per location", "Per medewerker": "Per person", "Per cliënt": "Per client",
        "Niet gedekte zorg": "Uncovered care", "Capaciteitstekort": "Capacity gap", "uren tekort per niveau en dag": "hours short per level and day",
        "uren vacature per niveau en dag": "hours to hire per level and day", "Medewerker": "Person", "Niveau": "Level",
        "Cliënt": "Client", "Product": "Product", "Wat ontbreekt": "What is missing", "Waarom": "Why", "Wanneer": "When",
        "Uren": "Hours", "deze week": "this week", "Alles gedekt: elke regel is nagekomen.": "Everything covered: every rule is met.",
        "groep": "group", "bezoek": "visit", "evaluatie": "evaluation", "te laat": "overdue", "overleg": "meeting", "vrijwilliger": "volunteer",
        "Geen tekort.": "No shortfall.", "uur": "h", "gap": "gap", "Week": "Week", "Sessie": "Session",
        "Legenda": "Legend", "ma": "Mon", "di": "Tue", "wo": "Wed", "do": "Thu", "vr": "Fri", "za": "Sat", "zo": "Sun",
        "onvolledig": "incomplete", "Variant": "Variant", "Cliënten": "Clients", "Vraag (uur)": "Demand (h)", "Eindverantwoordelijke": "Responsible", "Gepland": "Planned",
        "Wijzigingen": "Changes", "Niets gewijzigd.": "Nothing changed.", "Was": "Before", "Wordt": "After",
        "Wensen": "Wishes", "wensen nagekomen": "wishes met", "Wens": "Wish", "Gewicht": "Weight", "Eerlijke verdeling": "Fair shares",
        "weekenddiensten": "weekend sessions", "nachtdiensten": "nights", "avonddiensten": "evenings", "slaapdiensten": "sleeping nights", "in de dienst": "lead on duty",
        "Geen sessies van deze soort in dit rooster": "No sessions of this kind in this roster",
        "slaapdiensten tellen met sleeping_nights": "sleeping shifts count under sleeping_nights", "eerlijk deel": "fair share", "Vaste gezichten": "The same faces",
        "verschillende medewerkers": "different people", "waarvan vaste": "of them key workers",
        "afwijking": "deviation", "Vaste gezichten in de periode": "The same faces over the period",
        "min reizen": "min travel", "Inzetbaar, niet ingezet": "Contract hours unused", "waarvan invallers (afwezigheid)": "of which stand-ins (absence)", "momenten": "moments", "gezichten": "faces", "lead": "lead", "cl.": "cl.", "afwezig": "absent", "Uren / contract": "Hours / contract",
        "%d cliënten aanwezig; %d professionals gevraagd; %d ingeroosterd": "%d clients present; %d professionals asked; %d rostered",
        "Uren en geld": "Hours and money", "Loonsom (contracturen)": "Payroll (contract hours)", "Extra uitgaven": "Extra spend",
        "flex": "flex", "uitzend": "agency", "meeruren": "hours above contract", "toeslagen onregelmatigheid": "irregular-hours allowances",
        "Werving (advies)": "Hires (advised)", "Totaal": "Total", "Contract": "Contract", "Contracturen": "Contract hours",
        "Saldo voor": "Balance before", "Saldo na": "Balance after", "Toeslaguren": "Allowance hours", "Toeslag": "Allowance",
        "Extra": "Extra", "Binnen band": "Within band", "ja": "yes", "nee": "no", "vast": "salaried", "oproep": "flex",
        "uitzendkracht": "agency", "Contracturen over": "Contract hours left", "Totale kosten": "Total cost", "Extra uitgaven totaal": "Extra spend",
        "Wat verandert": "What changes", "FTE ingezet": "FTE rostered", "de uitgangssituatie": "the base", "niet gepland": "not planned",
    ]

    subscript(_ dutch: String) -> String {
        language == .nl ? dutch : Self.english[dutch] ?? dutch
    }

    func day(_ index: Int) -> String { self[["ma", "di", "wo", "do", "vr", "za", "zo"][index]] }

    var htmlLanguage: String { language.rawValue }
}
