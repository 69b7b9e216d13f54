import CareDomain
import Reporting

/// The board's own panel above the report: a move to judge or make, and "who can take this?",
/// talking to the board's API. Plain HTML and a small script, no network resources.
enum BoardPage {
    static func panel(language: ReportLanguage, version: Int, problems: [String]) -> String {
        let nl = language == .nl
        let t = { (dutch: String, english: String) in nl ? dutch : english }
        let warning = problems.isEmpty ? "" : "<div class=\"board-warning\"><strong>\(t("Dit concept breekt een regel", "This draft breaks a rule"))</strong><ul>"
            + problems.map { "<li>\(RosterReport.escaped($0))</li>" }.joined() + "</ul></div>"
        return """
        <section class="board" id="board">
        <style>
        .board { background: #f6f9fb; border: 1px solid #c9d3dc; border-radius: 4px; padding: 8px 10px; margin-bottom: 12px; }
        .board label { margin-right: 8px; } .board input { width: 9em; }
        .board button { margin-right: 6px; } .board pre { white-space: pre-wrap; background: white; border: 1px solid #e1e7ed; padding: 6px; max-height: 18em; overflow: auto; }
        .board-warning { background: #fdecea; border: 1px solid #c62828; padding: 4px 8px; margin-bottom: 6px; }
        @media print { .board { display: none; } }
        </style>
        <h2>\(t("Planbord", "Planning board")) · \(t("versie", "version")) \(version)
        <small style="font-weight: normal; margin-left: 1em"><a href="?lang=\(nl ? "en" : "nl")" onclick="this.href += (new URLSearchParams(location.search).get('token') ? '&token=' + new URLSearchParams(location.search).get('token') : '')">\(t("English", "Nederlands"))</a></small></h2>
        <p>\(t("Sleep een medewerker naar een andere sessie: het vak kleurt groen als elke regel het toestaat, rood met de regel in de tooltip als niet.", "Drag a person to another session: the cell turns green when every rule allows it, red with the rule in its tooltip when not."))</p>
        \(warning)
        <form id="move" onsubmit="return false">
        <label>\(t("Medewerker", "Staff")) <input name="staff_id" placeholder="s04"></label>
        <label>\(t("Datum", "Date")) <input name="date" placeholder="2026-03-16"></label>
        <label>\(t("Locatie", "Location")) <input name="location" placeholder="linde"></label>
        <label>\(t("Sessie", "Session")) <input name="session" placeholder="ochtend"></label>
        <br>
        <button onclick="send('check', 'add')">\(t("Toets erop zetten", "Check adding"))</button>
        <button onclick="send('check', 'remove')">\(t("Toets eraf halen", "Check removing"))</button>
        <button onclick="send('move', 'add')">\(t("Erop zetten", "Add"))</button>
        <button onclick="send('move', 'remove')">\(t("Eraf halen", "Remove"))</button>
        <button onclick="who()">\(t("Wie kan dit?", "Who can take this?"))</button>
        <label><input type="checkbox" name="force" style="width:auto"> \(t("ook als een regel het verbiedt", "even where a rule forbids it"))</label>
        </form>
        <pre id="answer"></pre>
        <script>
        function slot() { const f = new FormData(document.getElementById('move')); return {staff_id: f.get('staff_id'), date: f.get('date'), location: f.get('location'), session: f.get('session')}; }
        function token() { const p = new URLSearchParams(location.search).get('token'); return p ? {'Authorization': 'Bearer ' + p} : {}; }
        async function send(action, kind) {
          const force = document.querySelector('#move [name=force]').checked;
          const body = {add: kind === 'add' ? [slot()] : [], remove: kind === 'remove' ? [slot()] : [], force: force};
          const answer = await fetch('api/' + action, {method: 'POST', headers: Object.assign({'Content-Type': 'application/json'}, token()), body: JSON.stringify(body)});
          const text = await answer.text();
          document.getElementById('answer').textContent = text;
          if (action === 'move' && answer.ok && JSON.parse(text).applied) { location.reload(); }
        }
        // Drag a person from one session to another: the verdict shown on the cell before the
        // drop (green: allowed; red: the rule in its title), the move made on the drop.
        let dragged = null;
        function cellSlot(td, staff) { return {staff_id: staff, date: td.dataset.date, location: td.dataset.location, session: td.dataset.session}; }
        // The grids come after this panel: set up once the page is read.
        document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('.grid td[data-location] .chip[data-staff]').forEach(chip => {
          chip.draggable = true;
          chip.addEventListener('dragstart', e => { dragged = {staff: chip.dataset.staff, from: chip.closest('td')}; });
        });
        document.querySelectorAll('.grid td[data-location]').forEach(td => {
          td.addEventListener('dragover', e => e.preventDefault());
          td.addEventListener('dragenter', async e => {
            if (!dragged || dragged.from === td) return;
            const body = {remove: [cellSlot(dragged.from, dragged.staff)], add: [cellSlot(td, dragged.staff)]};
            const answer = await fetch('api/check', {method: 'POST', headers: Object.assign({'Content-Type': 'application/json'}, token()), body: JSON.stringify(body)});
            const verdict = await answer.json();
            td.style.outline = verdict.allowed ? '3px solid #2e7d32' : '3px solid #c62828';
            td.title = verdict.allowed ? '' : (verdict.problems || []).join('\\n');
          });
          td.addEventListener('dragleave', e => { td.style.outline = ''; });
          td.addEventListener('drop', async e => {
            e.preventDefault();
            if (!dragged || dragged.from === td) return;
            const force = document.querySelector('#move [name=force]').checked;
            const body = {remove: [cellSlot(dragged.from, dragged.staff)], add: [cellSlot(td, dragged.staff)], force: force};
            const answer = await fetch('api/move', {method: 'POST', headers: Object.assign({'Content-Type': 'application/json'}, token()), body: JSON.stringify(body)});
            const verdict = await answer.json();
            if (verdict.applied) { location.reload(); } else { document.getElementById('answer').textContent = (verdict.problems || []).join('\\n'); td.style.outline = ''; }
            dragged = null;
          });
        });
        });
        async function who() {
          const s = slot();
          const query = new URLSearchParams({location: s.location, date: s.date, session: s.session});
          const answer = await fetch('api/candidates?' + query, {headers: token()});
          document.getElementById('answer').textContent = await answer.text();
        }
        </script>
        </section>
        """
    }

    static func problemsOnly(_ problems: [String], language: ReportLanguage, title: String) -> String {
        "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>\(RosterReport.escaped(title))</title></head><body>"
            + panel(language: language, version: 0, problems: problems) + "</body></html>"
    }
}
