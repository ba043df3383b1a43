#!/usr/bin/env bash
# Surveys (release build, embedded SQLite): survey submissions per second
# with 200 citizens answering at once (each answer replaces the citizen's
# response), and whether any response was lost or doubled; the results
# page's latency for a survey with 10,000 responses (results counted in
# SQL). Prints "target missed: …" and exits 1 at the end if one is missed.
# Usage: .ci/bench-surveys PATH-TO-PLAZA
set -uo pipefail
cd "$(dirname "$0")/.."
binary=${1:?usage: .ci/bench-surveys PATH-TO-PLAZA}
site_root=${PLAZA_SITE_ROOT:-target/site}
clients=200          # citizens answering at once, one connection each
write_seconds=10     # how long they answer
writes_target=500    # survey submissions per second, at least
results_target_ms=30 # results page p95 with 10,000 responses, at most
results_runs=100
status=0
miss() { echo "target missed: $*"; status=1; }

work=$(mktemp -d)
server=0
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; echo kept $work' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
export PLAZA_DATA_DIR="$work/data" PLAZA_PUBLIC_URL="$url" PLAZA_ADDRESS="127.0.0.1:$port" \
  PLAZA_SITE_ROOT="$site_root" PLAZA_DEMO=false PLAZA_LOG_LEVEL=warn
db="$work/data/plaza.db"

echo "== surveys: seeding a survey open now and one with 10,000 responses in its results phase"
"$binary" migrate 2>/dev/null || exit 1
python3 - "$db" "$clients" "$work" <<'PY' || exit 1
import datetime, hashlib, json, random, secrets, sqlite3, sys, time

db_path, clients, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
RESPONSES = 10_000
rng = random.Random(20261204)
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
def ts(moment): return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
def days(n): return datetime.timedelta(days=n)
def new_id(): return "%032x" % rng.getrandbits(128)
con = sqlite3.connect(db_path, isolation_level=None)
con.execute("PRAGMA foreign_keys = ON")
con.execute("BEGIN")
created = ts(now - days(60))
accounts = [(new_id(), f"person{i}@bench.example", created, None, f"Person {i}", "citizen", created, None)
            for i in range(RESPONSES + clients)]
con.executemany("INSERT INTO accounts (id, email, email_verified_at, password_hash, pseudonym, role, "
                "created_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", accounts)
citizens = [a[0] for a in accounts[RESPONSES:]]
cookies, sessions = [], []
for aid in citizens:
    secret = secrets.token_hex(32)
    cookies.append(secret)
    sessions.append((hashlib.sha256(secret.encode()).hexdigest(), aid, ts(now), int(time.time()) + 86400))
con.executemany("INSERT INTO sessions (id_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)", sessions)
open(f"{work}/cookies", "w").write("\n".join(cookies) + "\n")
open(f"{work}/citizens", "w").write("\n".join(citizens) + "\n")

def question(prompt, kind):
    return {"prompt": prompt, "help": "", "required": True, "kind": kind}
definition = {"sections": [{"title": "", "intro": "", "questions": [
    question("How do you travel?", {"kind": "single", "options": ["Bike", "Foot", "Bus", "Car"]}),
    question("What would help?", {"kind": "multiple", "options": ["Trees", "Benches", "Light", "Water", "Shade"], "max": 2}),
    question("How safe is the quay?", {"kind": "scale", "low": "Not at all", "high": "Very"}),
    question("Rate each part", {"kind": "matrix", "rows": ["Station", "Bridge", "Harbour"], "low": "Bad", "high": "Good"}),
    question("Rank these", {"kind": "ranking", "options": ["Safety", "Trees", "Parking"]}),
]}]}

def process(slug, phases):
    pid = new_id()
    con.execute("INSERT INTO consult_processes (id, slug, title, summary, body, proposal_numbers, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
                (pid, slug, f"Benchmark {slug}", "A survey benchmark.", "The plan.", created, created))
    con.executemany("INSERT INTO consult_phases (process_id, kind, starts_at, ends_at) VALUES (?, ?, ?, ?)",
                    [(pid, kind, ts(now + days(a)), ts(now + days(b))) for kind, a, b in phases])
    return pid
def survey(pid, phase, responses):
    con.execute("INSERT INTO consult_surveys (process_id, number, title, intro, phase, results_after_answer, "
                "definition, responses, created_at, updated_at) VALUES (?, 1, 'Travel', '', ?, 0, ?, ?, ?, ?)",
                (pid, phase, json.dumps(definition), responses, created, created))
open_id = process("bench-survey-open", [("information", -30, -1), ("supports", -1, 30)])
survey(open_id, "supports", 0)
closed_id = process("bench-survey-results", [("supports", -30, -5), ("results", -5, 30)])
survey(closed_id, "supports", RESPONSES)
responses, answers = [], []
for aid, *_ in accounts[:RESPONSES]:
    rid = new_id()
    responses.append((rid, closed_id, 1, aid, created, created))
    answers.append((rid, closed_id, 1, 0, 0, rng.choices(range(4), [40, 25, 20, 15])[0], None, None))
    for c in rng.sample(range(5), rng.randint(1, 2)):
        answers.append((rid, closed_id, 1, 1, 0, c, None, None))
    answers.append((rid, closed_id, 1, 2, 0, rng.randint(1, 5), None, None))
    for row in range(3):
        answers.append((rid, closed_id, 1, 3, row, rng.randint(1, 5), None, None))
    for rank, c in enumerate(rng.sample(range(3), 3)):
        answers.append((rid, closed_id, 1, 4, 0, c, rank + 1, None))
con.executemany("INSERT INTO consult_survey_responses (id, process_id, survey_number, account_id, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", responses)
con.executemany("INSERT INTO consult_survey_answers (response_id, process_id, survey_number, question, "
                "row_index, choice, rank_given, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", answers)
con.execute("COMMIT")
print(f"seeded: {len(accounts)} accounts, {len(responses)} responses with {len(answers)} answer rows")
PY

