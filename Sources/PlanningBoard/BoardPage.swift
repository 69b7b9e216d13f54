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
        <p>\(t("Sleep een medewerker naar een andere sessie, of een bezoek of overleg (per medewerker) naar een ander of een andere dag: het vak kleurt groen als elke regel het toestaat, rood met de regel in de tooltip als niet.", "Drag a person to another session, or a visit or appointment (per person) to someone else or another day: the cell turns green when every rule allows it, red with the rule in its tooltip when not."))</p>
        \(warning)
        <form id="move" onsubmit="return false">
        <label>\(t("Medewerker", "Staff")) <input name="staff_id" placeholder="s04"></label>
        <label>\(t("Datum", "Date")) <input name="date" placeholder="2026-03-16"></label>
        <label>\(t("Locatie", "Location")) <input name="location" placeholder="linde"></label>
        <label>\(t("Sessie", "Session")) <input name="session" placeholder="ochtend"></label>
        <br>
        <label>\(t("Of cliëntwerk", "Or client work")) <select name="activity"><option value="group">\(t("groepssessie", "group session"))</option><option value="visit">\(t("bezoek", "visit"))</option><option value="evaluation">\(t("evaluatie", "evaluation"))</option><option value="appointment">\(t("overleg", "appointment"))</option></select></label>
        <label>\(t("Cliënt", "Client")) <input name="client" placeholder="a13"></label>
        <label>\(t("Overleg", "Appointment")) <input name="appointment" placeholder="mdo-week"></label>
        <label>\(t("Begin", "Start")) <input name="start" placeholder="14:00" style="width:4em"></label>
        <br>
        <button onclick="send('check', 'add')">\(t("Toets erop zetten", "Check adding"))</button>
        <button onclick="send('check', 'remove')">\(t("Toets eraf halen", "Check removing"))</button>
        <button onclick="send('move', 'add')">\(t("Erop zetten", "Add"))</button>
        <button onclick="send('move', 'remove')">\(t("Eraf halen", "Remove"))</button>
        <button onclick="who()">\(t("Wie kan dit?", "Who can take this?"))</button>
        <label><input type="checkbox" name="force" style="width:auto"> \(t("ook als een regel het verbiedt", "even where a rule forbids it"))</label>
        <br>
        <button id="board-sick" onclick="sickCall()">\(t("Ziekmelding vanaf deze datum", "Sick call on this date"))</button>
        <label><input type="checkbox" id="locking" style="width:auto"> \(t("diensten vastzetten (klik op een naam of een bezoek)", "lock assignments (click a name or a visit)"))</label>
        <button id="board-resolve" onclick="resolveRest()">\(t("De rest opnieuw plannen", "Re-solve the rest"))</button>
        <label>\(t("Tijd", "Time")) <input id="seconds" value="10" style="width:3em"> s</label>
        <br>
        <label>\(t("Naam", "Name")) <input id="author" placeholder="planner"></label>
        <label>\(t("Notitie", "Note")) <input id="note" style="width:16em"></label>
        <button id="board-save" onclick="keepVersion('save')">\(t("Concept bewaren", "Save draft"))</button>
        <button id="board-publish" onclick="keepVersion('publish')">\(t("Publiceren", "Publish"))</button>
        </form>
        <div id="board-off" style="border: 2px dashed #90a4ae; padding: 4px 8px; margin: 6px 0; color: #546e7a">\(t("Sleep een naam of bezoek hierheen om het eraf te halen; op een ander naam of bezoek om te ruilen.", "Drag a name or visit here to take it off; onto another name or visit to swap."))</div>
        <div id="board-period" style="display:none">
        <label>\(t("Periode: vanaf", "Period: from")) <select id="period-from"></select></label>
        <label><select id="period-length"></select> \(t("weken", "weeks"))</label>
        </div>
        <div id="progress" style="color:#37474f"></div>
        <div id="proposal"></div>
        <div id="candidates"></div>
        <pre id="answer"></pre>
        <script>
        function slot() {
          const f = new FormData(document.getElementById('move'));
          if (f.get('activity') === 'group') return {staff_id: f.get('staff_id'), date: f.get('date'), location: f.get('location'), session: f.get('session')};
          const s = {staff_id: f.get('staff_id'), date: f.get('date'), activity: f.get('activity')};
          for (const name of ['client', 'appointment', 'start']) { if (f.get(name)) s[name] = f.get(name); }
          return s;
        }
        function token() { const p = new URLSearchParams(location.search).get('token'); return p ? {'Authorization': 'Bearer ' + p} : {}; }
        async function send(action, kind) {
          const force = document.querySelector('#move [name=force]').checked;
          const body = {add: kind === 'add' ? [slot()] : [], remove: kind === 'remove' ? [slot()] : [], force: force};
          const answer = await fetch('api/' + action, {method: 'POST', headers: Object.assign({'Content-Type': 'application/json'}, token()), body: JSON.stringify(body)});
          const text = await answer.text();
          document.getElementById('answer').textContent = text;
          if (action === 'move' && answer.ok && JSON.parse(text).applied) { location.reload(); }
        }
        // Drag a person from one session to another, or client work (a visit, an evaluation, an
        // appointment seat) from one person's day to another person's or day (the same clock
        // time): the verdict shown on the cell before the drop (green: allowed; red: the rule in
        // its title), the move made on the drop.
        let dragged = null;
        function cellSlot(td, staff) { return {staff_id: staff, date: td.dataset.date, location: td.dataset.location, session: td.dataset.session}; }
        function workSlot(chip, staff, date) {
          const s = {staff_id: staff, date: date, activity: chip.dataset.activity, start: chip.dataset.start};
          if (chip.dataset.client) s.client = chip.dataset.client;
          if (chip.dataset.appointment) s.appointment = chip.dataset.appointment;
          return s;
        }
        function post(path, body) { return fetch(path, {method: 'POST', headers: Object.assign({'Content-Type': 'application/json'}, token()), body: JSON.stringify(body)}); }
        // A chip dropped on another person's chip: the two swap (their sessions, or their client
        // work, each keeping its time). Nothing for a chip of the same person or another kind.
        function swapBody(chip) {
          if (!dragged) return null;
          if (dragged.work && chip.dataset.activity) {
            const a = dragged.work, b = chip;
            if (a === b || a.dataset.staff === b.dataset.staff) return null;
            return {remove: [workSlot(a, a.dataset.staff, a.dataset.date), workSlot(b, b.dataset.staff, b.dataset.date)],
                    add: [workSlot(b, a.dataset.staff, b.dataset.date), workSlot(a, b.dataset.staff, a.dataset.date)]};
          }
          if (!dragged.work && !chip.dataset.activity) {
            const from = dragged.from, to = chip.closest('td');
            if (from === to || dragged.staff === chip.dataset.staff) return null;
            return {remove: [cellSlot(from, dragged.staff), cellSlot(to, chip.dataset.staff)],
                    add: [cellSlot(to, dragged.staff), cellSlot(from, chip.dataset.staff)]};
          }
          return null;
        }
        // Dropped on the panel's "off" field: taken off.
        function offBody() {
          if (!dragged) return null;
          return dragged.work ? {remove: [workSlot(dragged.work, dragged.work.dataset.staff, dragged.work.dataset.date)]}
                              : {remove: [cellSlot(dragged.from, dragged.staff)]};
        }
        async function judgeDrop(td, body) {
          const verdict = await (await post('api/check', body)).json();
          td.style.outline = verdict.allowed ? '3px solid #2e7d32' : '3px solid #c62828';
          td.title = verdict.allowed ? '' : (verdict.problems || []).join('\\n');
          td.dataset.verdict = verdict.allowed ? 'allowed' : 'refused';
        }
        async function makeDrop(td, body) {
          body.force = document.querySelector('#move [name=force]').checked;
          const verdict = await (await post('api/move', body)).json();
          if (verdict.applied) { location.reload(); } else { document.getElementById('answer').textContent = (verdict.problems || []).join('\\n'); td.style.outline = ''; }
          dragged = null;
        }
        // `move` gives the move a drop here makes (null: none); a zone that answers keeps the
        // event from the cell around it (a chip in a cell).
        function dropZone(zone, move) {
          zone.addEventListener('dragover', e => e.preventDefault());
          zone.addEventListener('dragenter', e => { const body = move(); if (body) { e.stopPropagation(); judgeDrop(zone, body); } });
          zone.addEventListener('dragleave', e => { zone.style.outline = ''; });
          zone.addEventListener('drop', e => { e.preventDefault(); const body = move(); if (body) { e.stopPropagation(); makeDrop(zone, body); } });
        }
        // The grids come after this panel: set up once the page is read.
        document.addEventListener('DOMContentLoaded', () => {
          document.querySelectorAll('.grid td[data-location] .chip[data-staff]').forEach(chip => {
            chip.draggable = true;
            chip.addEventListener('dragstart', e => { dragged = {staff: chip.dataset.staff, from: chip.closest('td')}; });
          });
          document.querySelectorAll('.grid td[data-location]').forEach(td => dropZone(td, () =>
            (!dragged || dragged.work || dragged.from === td) ? null : {remove: [cellSlot(dragged.from, dragged.staff)], add: [cellSlot(td, dragged.staff)]}));
          document.querySelectorAll('.grid td[data-person] .chip[data-activity]').forEach(chip => {
            chip.draggable = true;
            chip.addEventListener('dragstart', e => { e.stopPropagation(); dragged = {work: chip, from: chip.closest('td')}; });
          });
          document.querySelectorAll('.grid td[data-location] .chip[data-staff], .grid td[data-person] .chip[data-activity]').forEach(chip => dropZone(chip, () => swapBody(chip)));
          dropZone(document.getElementById('board-off'), offBody);
          document.querySelectorAll('.grid td[data-person]').forEach(td => dropZone(td, () =>
            (!dragged || !dragged.work || dragged.from === td) ? null
              : {remove: [workSlot(dragged.work, dragged.work.dataset.staff, dragged.work.dataset.date)], add: [workSlot(dragged.work, td.dataset.person, td.dataset.date)]}));
        });
        // A period's weeks shown: from a week, 1 to all of them (what is shown is what prints).
        document.addEventListener('DOMContentLoaded', () => {
          const weeks = Array.from(document.querySelectorAll('section.week'));
          if (weeks.length < 2) return;
          const from = document.getElementById('period-from'), length = document.getElementById('period-length');
          weeks.forEach((week, index) => from.add(new Option(week.querySelector('h2').textContent, index)));
          for (let count = 1; count <= weeks.length; count++) length.add(new Option(count, count));
          length.value = weeks.length;
          const show = () => weeks.forEach((week, index) => {
            const start = Number(from.value);
            week.style.display = index >= start && index < start + Number(length.value) ? '' : 'none';
          });
          from.addEventListener('change', show);
          length.addEventListener('change', show);
          document.getElementById('board-period').style.display = '';
        });
        // A sick call or a re-solve: the proposal as its changes, to accept or reject; the
        // search's progress shown while it runs, as the terminal shows it.
        const words = \(nl ? "{searching: 'zoekt', best: 'beste', bound: 'grens', accept: 'Accepteren', reject: 'Afwijzen', changes: 'wijzigingen', none: 'geen wijzigingen', date: 'datum', staff: 'medewerker', before: 'was', after: 'wordt', published: 'gepubliceerd: versie', saved: 'bewaard: versie', who: 'Wie kan dit?', why: 'waarom niet', left: 'uren over', extra: 'extra per uur', knows: 'kent de cliënten', when: 'wanneer'}" : "{searching: 'searching', best: 'best', bound: 'bound', accept: 'Accept', reject: 'Reject', changes: 'changes', none: 'no changes', date: 'date', staff: 'staff', before: 'was', after: 'becomes', published: 'published: version', saved: 'saved: version', who: 'Who can take this?', why: 'why not', left: 'hours left', extra: 'extra per hour', knows: 'knows the clients', when: 'when'}");
        let watching = null;
        function watch(on) {
          const shown = document.getElementById('progress');
          if (!on) { clearInterval(watching); watching = null; shown.textContent = ''; return; }
          watching = setInterval(async () => {
            const p = await (await fetch('api/progress', {headers: token()})).json();
            if (!p.running) return;
            shown.textContent = p.what + ' · ' + words.searching + ' ' + p.elapsed_seconds.toFixed(1) + ' s'
              + (p.incumbent != null ? ' · ' + words.best + ' ' + p.incumbent.toFixed(0) : '') + (p.bound != null ? ' · ' + words.bound + ' ' + p.bound.toFixed(0) : '');
          }, 400);
        }
        function escapeText(text) { const span = document.createElement('span'); span.textContent = text; return span.innerHTML; }
        function showProposal(p) {
          const rows = p.changes.map(c => '<tr><td>' + escapeText(c.date) + ' ' + escapeText(c.start) + '–' + escapeText(c.end) + '</td><td>' + escapeText(c.staff_id || c.client_id) + '</td><td>' + escapeText(c.before) + '</td><td>' + escapeText(c.after) + '</td></tr>').join('');
          document.getElementById('proposal').innerHTML = '<h3>' + escapeText(p.what) + ' · ' + p.changes.length + ' ' + words.changes + '</h3>'
            + (p.changes.length ? '<table class="proposal"><tr><th>' + words.date + '</th><th>' + words.staff + '</th><th>' + words.before + '</th><th>' + words.after + '</th></tr>' + rows + '</table>' : '<p>' + words.none + '</p>')
            + '<button id="accept" onclick="decide(' + p.id + ', true)">' + words.accept + '</button><button id="reject" onclick="decide(' + p.id + ', false)">' + words.reject + '</button>';
        }
        async function propose(path, body) {
          document.getElementById('proposal').innerHTML = '';
          watch(true);
          const answer = await fetch(path, {method: 'POST', headers: Object.assign({'Content-Type': 'application/json'}, token()), body: JSON.stringify(body)});
          watch(false);
          if (answer.ok) { showProposal(await answer.json()); } else { document.getElementById('answer').textContent = await answer.text(); }
        }
        function sickCall() {
          const s = slot();
          propose('api/absence', {staff_id: s.staff_id, date: s.date, time_limit_seconds: Number(document.getElementById('seconds').value) || 10});
        }
        // Locked assignments: chips clicked while locking is on, kept as they are by a re-solve.
        const locked = new Map();
        document.addEventListener('DOMContentLoaded', () => {
          document.querySelectorAll('.grid td[data-location] .chip[data-staff], .grid td[data-person] .chip[data-activity]').forEach(chip => chip.addEventListener('click', () => {
            if (!document.getElementById('locking').checked) return;
            const place = chip.dataset.activity ? workSlot(chip, chip.dataset.staff, chip.dataset.date) : cellSlot(chip.closest('td'), chip.dataset.staff);
            const key = JSON.stringify(place);
            if (locked.has(key)) { locked.delete(key); chip.style.outline = ''; } else { locked.set(key, place); chip.style.outline = '2px dashed #1565c0'; }
          }));
        });
        function resolveRest() { propose('api/resolve', {locked: Array.from(locked.values()), time_limit_seconds: Number(document.getElementById('seconds').value) || 10}); }
        async function decide(id, yes) {
          const answer = await fetch('api/proposals/' + id + '/' + (yes ? 'accept' : 'reject'), {method: 'POST', headers: token()});
          if (yes && answer.ok) { location.reload(); } else { document.getElementById('proposal').innerHTML = ''; if (!answer.ok) document.getElementById('answer').textContent = await answer.text(); }
        }
        async function keepVersion(kind) {
          const body = {author: document.getElementById('author').value, note: document.getElementById('note').value};
          const answer = await fetch('api/' + kind, {method: 'POST', headers: Object.assign({'Content-Type': 'application/json'}, token()), body: JSON.stringify(body)});
          const text = await answer.text();
          if (!answer.ok) { document.getElementById('answer').textContent = text; return; }
          const made = JSON.parse(text);
          document.getElementById('answer').textContent = (kind === 'publish' ? words.published + ' ' + made.version + ' → ' + made.folder : words.saved + ' ' + made.id);
        }
        // Who can take a place: a table, those who may first; each other person with the rule.
        async function who(place) {
          const s = place || slot();
          const query = new URLSearchParams(s.activity ? Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'staff_id')) : {location: s.location, date: s.date, session: s.session});
          const answer = await fetch('api/candidates?' + query, {headers: token()});
          const shown = document.getElementById('candidates');
          if (!answer.ok) { shown.innerHTML = ''; document.getElementById('answer').textContent = await answer.text(); return; }
          const list = (await answer.json()).candidates;
          // Open client work asked without a time: when each could do it.
          const when = list.some(c => c.start);
          shown.innerHTML = '<h3>' + escapeText(words.who + ' ' + Object.values(s).filter(v => v).join(' ')) + '</h3><table class="list candidates"><tr><th>' + words.staff + '</th><th></th><th>'
            + words.why + '</th><th>' + words.left + '</th><th>' + words.extra + '</th><th>' + words.knows + '</th>' + (when ? '<th>' + words.when + '</th>' : '') + '</tr>'
            + list.map(c => '<tr data-staff="' + escapeText(c.staff_id) + '"><td>' + escapeText(c.name) + '</td><td>' + (c.may_take ? '✓' : '✗') + '</td><td>' + escapeText(c.reason || '')
              + '</td><td class="number">' + c.hours_left.toFixed(1) + '</td><td class="number">€ ' + c.extra_hourly_cost.toFixed(2) + '</td><td>' + (c.knows_clients ? '✓' : '') + '</td>'
              + (when ? '<td>' + escapeText(c.start || '') + '</td>' : '') + '</tr>').join('') + '</table>';
        }
        // A red place in a session: who can take it, at a click.
        document.addEventListener('DOMContentLoaded', () => {
          document.querySelectorAll('.grid td[data-location] .chip.short').forEach(chip => chip.addEventListener('click', () => {
            const td = chip.closest('td');
            who({location: td.dataset.location, date: td.dataset.date, session: td.dataset.session});
          }));
          // An open visit or evaluation in the list of what is not covered: who could do it, and when.
          document.querySelectorAll('table.uncovered tr[data-client]').forEach(row => {
            row.style.cursor = 'pointer';
            row.addEventListener('click', () => who({activity: row.dataset.activity, client: row.dataset.client, date: row.dataset.date}));
          });
        });
        </script>
        </section>
        """
    }

    static func problemsOnly(_ problems: [String], language: ReportLanguage, title: String) -> String {
        "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>\(RosterReport.escaped(title))</title></head><body>"
            + panel(language: language, version: 0, problems: problems) + "</body></html>"
    }
}
