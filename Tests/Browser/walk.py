#!/usr/bin/env python3
"""Guichet's browser suite (issue #11): walks the platform as each role would, in headless
Chromium driven by selenium, and runs axe-core on every page reached.

usage: walk.py BASE_URL SERVE_LOG OUTDIR

BASE_URL is a `guichet serve --demo` started with GUICHET_DEV_MAILBOX=true (the activation and
invitation e-mails are read there, as a person reads their mailbox); SERVE_LOG is its output
(the demo accounts' one-time passwords); OUTDIR receives the report (`report.md`: every page
with its axe result) and a screenshot and the HTML of every failure. Exit 1 on any failure:
a broken journey, a critical or serious axe violation, a page without exactly one <h1>, a
server error, a meta refresh.
"""
import datetime
import io
import json
import os
import re
import shutil
import sys
import time
import traceback
import urllib.parse
import urllib.request

import openpyxl
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium_axe_python import Axe

BASE, LOG, OUT = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
os.makedirs(OUT, exist_ok=True)
YEAR = datetime.date.today().year
STAMP = str(int(time.time()))
PASSWORD = "Renovation-2026-sure!"

pages = []  # (journey, role, path, axe summary, ok)
RAW_VALUES = re.compile(
    r"\b(tres_modeste|beneficiaire|comite|administrateur_|pending|sent|failed|owner_occupier|private_sector|"
    r"accepted|refused|draft|checking|unreadable|ile_de_france|hors_ile_de_france|pass|fail|missing)\b")
failures = []


class Failure(Exception):
    pass


def demo_passwords():
    text = open(LOG, encoding="utf-8").read()
    # The table printed at start-up (later lines of the log name the same addresses).
    found = {}
    for m in re.finditer(r"^ {2}\S.*?(\S+@demo\.guichet\.invalid) +(\S+)$", text, re.MULTILINE):
        found.setdefault(m.group(1), m.group(2))
    return found


def luhn_complete(digits):
    """The digit that makes `digits` + it pass the Luhn check (SIREN, SIRET)."""
    for last in "0123456789":
        number = digits + last
        total = 0
        for i, ch in enumerate(reversed(number)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return number
    raise ValueError(digits)


class Person:
    """One person in their own browser (own cookies), at a desktop or phone width."""

    def __init__(self, journey, role, width=1280):
        options = webdriver.ChromeOptions()
        for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},1000",
                    "--lang=fr-FR"]:
            options.add_argument(arg)
        options.binary_location = os.environ.get("CHROMIUM_BIN") or shutil.which("chromium") or ""
        driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
        service = webdriver.ChromeService(executable_path=driver)
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_page_load_timeout(60)
        self.driver.set_script_timeout(60)
        self.journey, self.role = journey, role

    def quit(self):
        self.driver.quit()

    # -- reaching pages ------------------------------------------------------------------------

    def go(self, path):
        self.driver.get(BASE + path)
        return self.check()

    def path(self):
        u = urllib.parse.urlsplit(self.driver.current_url)
        return u.path + (("?" + u.query) if u.query else "")

    def check(self, expect_status_ok=True):
        """Every page reached: axe-core, one <h1>, no meta refresh, no server error."""
        d = self.driver
        path = self.path()
        if d.current_url.endswith(".pdf") or d.current_url.endswith(".json"):
            return
        results = Axe(d)
        results.inject()
        report = results.run(options={"resultTypes": ["violations"]})
        bad = [v for v in report["violations"] if v["impact"] in ("critical", "serious")]
        minor = [v for v in report["violations"] if v["impact"] not in ("critical", "serious")]
        h1 = len(d.find_elements(By.TAG_NAME, "h1"))
        refresh = d.find_elements(By.CSS_SELECTOR, "meta[http-equiv]")
        title = d.title
        problems = []
        if bad:
            problems.append("axe : " + "; ".join(
                f"{v['id']} ({v['impact']}, {len(v['nodes'])} nœud(s) : "
                f"{v['nodes'][0]['target'] if v['nodes'] else ''})" for v in bad))
        if h1 != 1:
            problems.append(f"{h1} <h1> sur la page")
        if refresh:
            problems.append("meta refresh présent")
        if not title or title == "Guichet Action Logement" or title.startswith(" "):
            problems.append(f"titre de page vide ou générique : « {title} »")
        if expect_status_ok and ("Erreur interne" in d.page_source or title.startswith("Erreur 5")):
            problems.append("erreur serveur")
        # Internal values never reach a page (issue #11): French labels only.
        shown = re.sub(r"\S+@\S+", "", d.find_element(By.TAG_NAME, "body").text)  # e-mail addresses aside
        raw = sorted(set(re.findall(RAW_VALUES, shown)))
        if raw:
            problems.append("valeurs internes affichées : " + ", ".join(raw))
        if re.search(r"[^.]\.\.(?!\.)", shown):
            problems.append("« .. » dans un message")
        summary = "aucune violation" if not report["violations"] else (
            f"{len(bad)} critique/sérieuse, {len(minor)} mineure(s)"
            + (" (" + ", ".join(sorted({v['id'] for v in minor})) + ")" if minor else ""))
        pages.append((self.journey, self.role, path, summary, not problems))
        if os.environ.get("GUICHET_BROWSER_SCREENSHOTS") == "1":
            shots = os.path.join(OUT, "pages")
            os.makedirs(shots, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9]+", "-", f"{len(pages):03d}-{self.role}-{path}").strip("-")[:90]
            d.save_screenshot(os.path.join(shots, name + ".png"))
        if problems:
            self.fail(path + " : " + " | ".join(problems))
        return d

    def fail(self, message):
        name = re.sub(r"[^A-Za-z0-9]+", "-", f"{self.journey}-{self.role}-{len(failures)}").strip("-")
        try:
            self.driver.save_screenshot(os.path.join(OUT, name + ".png"))
            with open(os.path.join(OUT, name + ".html"), "w", encoding="utf-8") as f:
                f.write(self.driver.page_source)
        except WebDriverException:
            pass
        failures.append(f"[{self.journey} / {self.role}] {message} (capture : {name}.png)")
        raise Failure(message)

    def expect(self, condition, message):
        if not condition:
            self.fail(f"{self.path()} : {message}")

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    # -- forms, as a person fills them --------------------------------------------------------

    def fill(self, answers, form=None):
        """Types, ticks and chooses every answer whose field is on the page."""
        scope = form or self.driver
        for name, value in answers.items():
            fields = scope.find_elements(By.NAME, name)
            fields = [f for f in fields if f.get_attribute("type") != "hidden"]
            if not fields:
                continue
            kind = fields[0].get_attribute("type")
            tag = fields[0].tag_name
            if kind == "radio":
                for f in fields:
                    if f.get_attribute("value") == value:
                        self.click(f)
            elif kind == "checkbox":
                if bool(value) != fields[0].is_selected():
                    self.click(fields[0])
            elif tag == "select":
                Select(fields[0]).select_by_value(value)
            elif kind == "file":
                fields[0].send_keys(value)
            else:
                fields[0].clear()
                fields[0].send_keys(value)

    def click(self, element):
        # A person clicks the label of a radio or checkbox; a click on the input does the same.
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()

    def submit(self, button_text=None, form=None):
        scope = form or self.driver.find_element(By.TAG_NAME, "main")
        buttons = [b for b in scope.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.is_displayed()]
        if button_text:
            buttons = [b for b in buttons if button_text in b.text]
        self.expect(buttons, f"aucun bouton « {button_text} »")
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.click(buttons[0])
        WebDriverWait(self.driver, 30).until(lambda d: self.stale(old))
        return self.check(expect_status_ok=True)

    @staticmethod
    def stale(element):
        try:
            element.tag_name
            return False
        except WebDriverException:
            return True

    def form_with(self, action_part):
        for f in self.driver.find_elements(By.TAG_NAME, "form"):
            if action_part in (f.get_attribute("action") or ""):
                return f
        self.fail(f"{self.path()} : aucun formulaire vers {action_part}")

    def follow(self, link_text):
        links = [a for a in self.driver.find_elements(By.TAG_NAME, "a") if link_text in a.text and a.is_displayed()]
        self.expect(links, f"aucun lien « {link_text} »")
        href = links[0].get_attribute("href")
        self.click(links[0])
        WebDriverWait(self.driver, 30).until(lambda d: d.current_url.split("#")[0] == href.split("#")[0])
        return self.check()

    def sign_in(self, email, password):
        self.go("/connexion")
        self.fill({"email": email, "password": password})
        self.submit("Se connecter")
        self.expect("Connecté" in self.driver.page_source, f"connexion de {email} refusée")

    def sign_out(self):
        self.submit("Se déconnecter", form=self.form_with("/deconnexion"))

    def download(self, href):
        """Fetches a link with this person's cookies (a download, which the browser would save)."""
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        req = urllib.request.Request(urllib.parse.urljoin(BASE + "/", href), headers={"Cookie": cookies})
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()


def mailbox_link(person, to, pattern, subject=""):
    """Opens the development mailbox, the newest message to `to` (with `subject` in its subject),
    and returns the link the message carries."""
    person.go("/dev/mailbox")
    deadline = time.time() + 30
    while True:
        rows = [r for r in person.driver.find_elements(By.CSS_SELECTOR, "main tbody tr")
                if to in r.text and subject in r.text]
        if rows:
            break
        if time.time() > deadline:
            person.fail(f"aucun message pour {to} dans la boîte de développement")
        time.sleep(1)
        person.go("/dev/mailbox")
    link = rows[0].find_element(By.TAG_NAME, "a")  # newest first
    person.click(link)
    WebDriverWait(person.driver, 30).until(lambda d: "/dev/mailbox/" in d.current_url)
    person.check()
    m = re.search(pattern, person.text())
    person.expect(m, f"aucun lien {pattern} dans le message")
    return m.group(0)


# -- journeys ----------------------------------------------------------------------------------

def eligibility():
    p = Person("éligibilité", "visiteur")
    try:
        eligible = {"kind": "owner_occupier", "ownership": "full", "residence": "oui", "postal_code": "01000",
                    "insee": "01053", "employment": "private_sector", "size": "3", "income": "25 000",
                    "insulation": "oui"}

        def run(answers, until):
            p.go("/")
            p.follow("Faire le test d'éligibilité")
            for _ in range(12):
                if until(p):
                    return
                p.fill(answers)
                p.submit("Continuer")
            p.fail("le test ne conclut pas")

        run(eligible, lambda p: "Votre projet semble éligible" in p.text())
        p.expect("RENO-E6" in p.text() and "Bourg-en-Bresse" in p.text(), "critères non expliqués")
        run(dict(eligible, ownership="future_owner"), lambda p: "ne semble pas éligible" in p.text())
        p.expect("futurs propriétaires" in p.text(), "raison de l'inéligibilité absente")
        run(dict(eligible, postal_code="75011"), lambda p: "ne semble pas éligible" in p.text())
        p.expect("Paris 11e arrondissement (75111) : zone Abis" in p.text(), "arrondissement non reconnu")
        # A typing mistake is an error on its step; the page opens on the summary, focused.
        run(dict(eligible, postal_code="99999"), lambda p: "error-summary" in p.driver.page_source)
        p.expect("inconnu de la base officielle de La Poste" in p.text(), "code postal inconnu non signalé")
        focused = p.driver.switch_to.active_element
        p.expect("error-summary" in (focused.get_attribute("class") or ""), "le focus n'est pas sur le résumé")
        p.expect("ne semble pas éligible" not in p.text(), "une faute de frappe donne un verdict")
    finally:
        p.quit()


def sign_up(journey, name, email):
    """Sign-up, activation through the mailbox, first sign-in: returns the signed-in person."""
    p = Person(journey, "nouveau compte")
    p.go("/inscription")
    p.fill({"name": name, "email": email, "password": PASSWORD, "password_confirm": PASSWORD})
    p.submit("Créer")
    p.expect("e-mail" in p.text().lower(), "pas d'indication après l'inscription")
    link = mailbox_link(p, email, r"https?://\S+/activation/\S+", "Activez")
    p.driver.get(link)
    p.check()
    p.expect("activé" in p.text().lower(), "activation non confirmée")
    p.sign_in(email, PASSWORD)
    return p


def amo_request(passwords):
    email = f"amo-{STAMP}@exemple.fr"
    p = sign_up("demande AMO", f"Agathe Martin {STAMP}", email)
    siret = luhn_complete(f"4{STAMP[-7:]}00001")
    try:
        p.go("/amo/demande")
        p.fill({"siret": siret, "company_name": "Rénov Conseil Test", "department": "69", "legal_civility": "Madame",
                "legal_usage_name": "Martin", "legal_birth_name": "Martin", "legal_birth_date": "12/05/1980",
                "legal_birth_city": "Lyon", "contact_name": "Agathe Martin", "contact_email": email,
                "contact_phone": "04 72 00 00 00", "not_works_company": True})
        p.submit()
        p.expect("demande" in p.text().lower(), "demande AMO non confirmée")
    finally:
        p.quit()
    admin = Person("demande AMO", "administrateur")
    try:
        admin.sign_in("admin@demo.guichet.invalid", passwords["admin@demo.guichet.invalid"])
        admin.go("/admin/amo")
        admin.expect(siret in admin.text().replace(" ", ""), "demande absente de la liste")
        # A refusal without its reason: the error next to the field, the page opened on the summary.
        admin.submit("Refuser la demande")
        admin.expect("Indiquez le motif du refus." in admin.text(), "motif manquant non signalé")
        focused = admin.driver.switch_to.active_element
        admin.expect("error-summary" in (focused.get_attribute("class") or ""), "le focus n'est pas sur le résumé")
        field = admin.driver.find_element(By.CSS_SELECTOR, "input[name=reason][aria-invalid=true]")
        admin.expect(field.get_attribute("aria-describedby").endswith("-erreur"), "erreur non liée au champ")
        admin.submit("Accepter", form=admin.form_with("/decision"))
        admin.expect("accept" in admin.text().lower(), "acceptation non confirmée")
        admin.go("/amo/annuaire?q=renov+conseil+test")
        admin.expect("Rénov Conseil Test" in admin.text(), "l'AMO accepté n'est pas dans l'annuaire")
    finally:
        admin.quit()


def landlord(passwords):
    email = f"bailleur-{STAMP}@exemple.fr"
    p = sign_up("bailleur", f"Louis Bernard {STAMP}", email)
    siren = luhn_complete(f"5{STAMP[-7:]}")
    try:
        p.go("/ami/bailleur/inscription")
        p.fill({"name": f"Habitat Test {STAMP}", "siren": siren, "kind": "ESH", "address": "1 rue de Paris",
                "postal_code": "97400", "city": "Saint-Denis", "contact_phone": "0262 00 00 00"})
        p.submit("Inscrire")
        admin = Person("bailleur", "administrateur")
        try:
            admin.sign_in("admin@demo.guichet.invalid", passwords["admin@demo.guichet.invalid"])
            admin.go("/admin/bailleurs")
            admin.expect(f"Habitat Test {STAMP}" in admin.text(), "inscription absente de la revue")
            admin.submit("Accepter", form=admin.form_with("/decision"))
        finally:
            admin.quit()
        # The organisation accepted, its first member invites a colleague.
        colleague = f"collegue-{STAMP}@exemple.fr"
        p.go("/ami/organisation")
        p.fill({"email": colleague}, form=p.form_with("/membres"))
        p.submit("Envoyer l'invitation", form=p.form_with("/membres"))
        p.expect(colleague in p.text(), "invitation non listée")
    finally:
        p.quit()
    c = sign_up("invitation", f"Chloé Petit {STAMP}", colleague)
    try:
        link = mailbox_link(c, colleague, r"https?://\S+/ami/invitations/\S+", "Invitation")
        c.driver.get(link)
        c.check()
        c.submit("Accepter")
        c.go("/ami/organisation")
        c.expect(f"Habitat Test {STAMP}" in c.text(), "l'invitée n'est pas membre")
    finally:
        c.quit()


def filled_table(template, rows, broken=False):
    wb = openpyxl.load_workbook(io.BytesIO(template))
    sheet = wb["Programmation"]
    col = {c.value: c.column_letter for c in sheet[1]}
    for i in range(rows):
        values = {"Référence opération": f"OP-{i:05d}", "Nom de l'opération": f"Résidence {i}",
                  "Code INSEE commune": "97411", "Type d'opération": "Construction neuve", "Produit": "LLS",
                  "Nombre de logements": 20, "Prix de revient TTC (€)": 2_500_000 + i, "Prêt sollicité (€)": 600_000,
                  "Date d'agrément": datetime.date(YEAR, 1 + i % 12, 1 + i % 28)}
        if broken and i % 2 == 0:
            values["Code INSEE commune"] = "75056"  # not in the department
            values["Nombre de logements"] = "beaucoup"
        for h, v in values.items():
            cell = sheet[f"{col[h]}{i + 2}"]
            cell.value = v
            if isinstance(v, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    path = os.path.join(OUT, f"tableau-{'a-corriger' if broken else 'valide'}.xlsx")
    wb.save(path)
    return path


def ami_filing(passwords):
    p = Person("dépôt AMI", "bailleur")
    phone = Person("dépôt AMI", "bailleur (390 px)", width=390)
    try:
        p.sign_in("bailleur@demo.guichet.invalid", passwords["bailleur@demo.guichet.invalid"])
        p.expect(p.path().startswith("/ami"), f"un bailleur arrive sur {p.path()}, pas sur ses dépôts")
        p.follow("974 La Réunion")
        filing = p.path()
        link = p.driver.find_element(By.PARTIAL_LINK_TEXT, "Télécharger le modèle")
        status, kind, template = p.download(link.get_attribute("href"))
        p.expect(status == 200 and "spreadsheetml" in kind, f"modèle : {status} {kind}")

        p.fill({"fichier": filled_table(template, 40, broken=True)})
        p.submit("Déposer", form=p.form_with("/tableau"))
        # The progress page reloads itself: an element read during a reload is stale, read it again.
        WebDriverWait(p.driver, 120, ignored_exceptions=[StaleElementReferenceException]).until(
            lambda d: "corrigez le fichier" in d.find_element(By.TAG_NAME, "main").text)
        p.check()
        p.expect("Cellule" in p.text() and "Feuille" in p.text(), "erreurs sans leur cellule")
        # The same page on a phone: the table scrolls in its own box, not the page.
        phone.sign_in("bailleur@demo.guichet.invalid", passwords["bailleur@demo.guichet.invalid"])
        phone.go(p.path())
        overflow = phone.driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        phone.expect(overflow <= 0, f"la page défile de côté de {overflow} px à 390 px")

        p.go(filing)
        p.fill({"fichier": filled_table(template, 20000)})
        p.submit("Remplacer", form=p.form_with("/tableau"))
        seen = set()
        deadline = time.time() + 300
        while time.time() < deadline:
            try:  # the page reloads once at the end: an element may go stale under the hand
                bars = p.driver.find_elements(By.TAG_NAME, "progress")
                if not bars:
                    break
                seen.add(bars[0].get_attribute("value"))
            except WebDriverException:
                pass
            time.sleep(0.1)
        WebDriverWait(p.driver, 60, ignored_exceptions=[StaleElementReferenceException]).until(
            lambda d: "Aucune erreur" in d.find_element(By.TAG_NAME, "main").text)
        p.check()
        p.expect(len(seen) >= 2, f"barre de progression jamais mise à jour (valeurs vues : {sorted(seen)})")
        print("Progression vue (millièmes) : " + ", ".join(sorted(seen, key=lambda v: int(v or 0))))
        p.expect("20 000" in p.text() or "20\u202f000" in p.text() or "20\u00a0000" in p.text(),
                 "synthèse sans séparateur de milliers")

        p.go(filing)
        send = p.form_with("/envoi")
        p.fill({"certify": True}, form=send)
        p.submit("Envoyer", form=send)
        p.expect("envoyé" in p.text().lower(), "dépôt non envoyé")
        receipt = p.driver.find_element(By.PARTIAL_LINK_TEXT, "Accusé")
        status, kind, pdf = p.download(receipt.get_attribute("href"))
        p.expect(status == 200 and kind.startswith("application/pdf") and pdf.startswith(b"%PDF"), "accusé illisible")
        pages.append(("dépôt AMI", "bailleur", urllib.parse.urlsplit(receipt.get_attribute("href")).path,
                      "PDF (hors axe)", True))
    finally:
        p.quit()
        phone.quit()


def landings(passwords):
    """Where each role lands after signing in, and its home pages."""
    expected = {"bailleur": "/ami", "instructeur": "/instruction", "administrateur": "/admin",
                "beneficiaire": "/dossiers", "amo": "/dossiers", "comite": "/instruction"}
    for role, email_user in [("administrateur", "admin"), ("instructeur", "instructeur"),
                             ("beneficiaire", "beneficiaire"), ("amo", "amo"), ("comite", "comite")]:
        p = Person("arrivée", role)
        try:
            email = f"{email_user}@demo.guichet.invalid"
            p.sign_in(email, passwords[email])
            p.expect(p.path().startswith(expected[role]), f"{role} arrive sur {p.path()}")
            for a in [a.get_attribute("href") for a in p.driver.find_elements(By.CSS_SELECTOR, "main a")][:12]:
                if a and a.startswith(BASE) and not re.search(r"\.(pdf|csv|xlsx|json)$", a):
                    p.driver.get(a)
                    p.check()
        finally:
            p.quit()


# -- the renovation dossier (issue #12) --------------------------------------------------------

OWNER_OCCUPIER = {"kind": "owner_occupier", "ownership": "full", "residence": "oui", "postal_code": "01000",
                  "insee": "01053", "employment": "private_sector", "size": "3", "income": "25 000",
                  "insulation": "oui"}
LANDLORD = dict(OWNER_OCCUPIER, kind="landlord", tenant_in_place="non")
SCI = dict(OWNER_OCCUPIER, kind="sci", sci_natural="oui", tenant_in_place="non")

CIVIL = {"usage_name": "Martin", "first_name": "Claire", "birth_name": "Durand", "family_situation": "marié",
         "birth_date": "12/03/1980", "birth_country": "France", "birth_town": "Lyon", "birth_postal_code": "69001",
         "mobile": "06 12 34 56 78"}


def eligible_test(p, answers):
    """The public test, answered until it concludes eligible."""
    for _ in range(12):
        if "Votre projet semble éligible" in p.text():
            return
        p.fill(answers)
        p.submit("Continuer")
    p.fail("le test ne conclut pas à l'éligibilité")


def form_ending(p, suffix):
    for f in p.driver.find_elements(By.TAG_NAME, "form"):
        if (f.get_attribute("action") or "").endswith(suffix):
            return f
    p.fail(f"{p.path()} : aucun formulaire vers …{suffix}")


def save_step(p, home, step, answers, button="Enregistrer"):
    p.go(f"{home}/{step}")
    form = form_ending(p, "/" + step)
    p.fill(answers, form=form)
    p.submit(button, form=form)
    p.expect("enregistré" in p.text(), f"étape {step} non enregistrée")


def fill_dossier(p, home, street, landlord=False, sci=False):
    save_step(p, home, "demandeur", {"email": f"claire-{STAMP}@exemple.fr", "mobile": "06 12 34 56 78",
                                     "employment": "private_sector", "company_name": "Boulangerie Martin",
                                     "sector": "Commerce", "company_siret": "732 829 320 00074",
                                     "tax_income": "25 000", "household_size": "3"})
    if sci:
        p.go(f"{home}/codemandeurs")
        add = form_ending(p, "/codemandeurs/ajout")
        p.fill(dict(CIVIL, relation="associé", share_percent="30", first_name="Paul"), form=add)
        p.submit("Ajouter", form=add)
        save_step(p, home, "codemandeurs", {"declared": True})
    if landlord or sci:
        save_step(p, home, "locataire", {"in_place": "non", "landlord_commitment": True})
    save_step(p, home, "logement", {"address": f"{int(STAMP) % 200} {street}", "postal_code": "01000",
                                    "principal_residence": "oui"})
    if "Commune" in p.text() and p.driver.find_elements(By.NAME, "insee"):
        save_step(p, home, "logement", {"insee": "01053"})
    save_step(p, home, "travaux", {"insulation": "oui"})
    p.go(f"{home}/plan-de-financement")
    company = form_ending(p, "/plan-de-financement/entreprises")
    p.fill({"siret": "732 829 320 00074", "name": "Isol'Est", "representative": "Jean Isol",
            "account_holder": "Isol'Est SARL", "iban": "FR76 3000 6000 0112 3456 7890 189", "bic": "AGRIFRPP",
            "rge": "oui", "work_type": "isolation_combles",
            "main_works": "12 000", "induced_works": "500"}, form=company)
    p.submit("Ajouter l'entreprise", form=company)
    # The plan follows what is typed (an inline script allowed by its hash), before any save.
    p.go(f"{home}/plan-de-financement")
    plan = form_ending(p, "/plan-de-financement")
    p.fill({"loan_wanted": "non", "amo_fee": "1 000"}, form=plan)
    live = p.driver.find_element(By.CSS_SELECTOR, "[data-plan-live]")
    try:
        WebDriverWait(p.driver, 15).until(lambda d: "Aide calculée" in live.text)
    except WebDriverException:
        p.fail("le plan ne se calcule pas pendant la saisie : " + live.text)
    p.submit("Enregistrer et calculer", form=plan)
    p.expect("enregistré" in p.text(), "plan non enregistré")
    p.expect("Subvention Action Logement" in p.text(), "plan non calculé")


def upload_all(p, home):
    pdf = os.path.join(OUT, "piece.pdf")
    with open(pdf, "wb") as f:
        f.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    dated = (datetime.date.today() - datetime.timedelta(days=10)).strftime("%d/%m/%Y")
    for _ in range(60):
        p.go(home + "/pieces")
        forms = [f for f in p.driver.find_elements(By.CSS_SELECTOR, "form[enctype='multipart/form-data']")
                 if "Déposer" in f.text]
        if not forms:
            return
        answers = {"fichier": pdf}
        if forms[0].find_elements(By.NAME, "document_date"):
            answers["document_date"] = dated
        p.fill(answers, form=forms[0])
        p.submit("Déposer", form=forms[0])
        p.expect("enregistré" in p.text(), "pièce non enregistrée")
    p.fail("pièces jamais complètes")


def file_dossier(p, home):
    p.go(home + "/recapitulatif")
    p.expect("Avant de déposer" not in p.text(), "le récapitulatif signale encore des manques : " + p.text()[-600:])
    p.submit("Déposer le dossier")
    p.expect("déposé" in p.text(), "dépôt non confirmé")
    for _ in range(30):
        links = p.driver.find_elements(By.PARTIAL_LINK_TEXT, "Accusé de réception du dépôt")
        if links:
            status, kind, pdf = p.download(links[0].get_attribute("href"))
            p.expect(status == 200 and pdf.startswith(b"%PDF"), "accusé de réception illisible")
            return
        time.sleep(1)
        p.go(home)
    p.fail("l'accusé de réception n'est jamais apparu")


def dossier_by_amo(passwords):
    """An owner-occupier's dossier, account and all, built and filed by the AMO."""
    amo = Person("dossier PO par l'AMO", "amo")
    try:
        amo.sign_in("amo@demo.guichet.invalid", passwords["amo@demo.guichet.invalid"])
        amo.expect(amo.path().startswith("/dossiers"), f"un AMO arrive sur {amo.path()}")
        amo.follow("Créer un dossier")
        eligible_test(amo, OWNER_OCCUPIER)
        amo.follow("Créer le compte du bénéficiaire")
        amo.fill(dict(CIVIL, email=f"claire-{STAMP}@exemple.fr"))
        amo.submit("Créer le compte du bénéficiaire")
        amo.expect("créé" in amo.text(), "dossier non créé")
        home = amo.path()
        amo.go(home + "/amo")
        amo.submit("Je choisis cet AMO")
        fill_dossier(amo, home, "rue des Lilas")
        upload_all(amo, home)
        file_dossier(amo, home)
        amo.go("/dossiers")
        amo.expect("Déposé" in amo.text(), "le tableau de bord ne montre pas le dossier déposé")
        amo.go("/dossiers?etat=brouillon&recherche=Martin")
        # The same dossier on a phone: no page scrolls sideways at 390 px.
        phone = Person("dossier PO par l'AMO", "amo (390 px)", width=390)
        try:
            phone.sign_in("amo@demo.guichet.invalid", passwords["amo@demo.guichet.invalid"])
            for page in ["/dossiers", home, home + "/plan-de-financement", home + "/pieces", home + "/recapitulatif"]:
                phone.go(page)
                overflow = phone.driver.execute_script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                phone.expect(overflow <= 0, f"{page} défile de côté de {overflow} px à 390 px")
        finally:
            phone.quit()
    finally:
        amo.quit()


def dossier_by_beneficiary(passwords, kind, answers):
    """A landlord's or an SCI's dossier: own account, AMO chosen from the directory and accepted."""
    email = f"proprietaire-{kind}-{STAMP}@exemple.fr"
    p = Person(f"dossier {kind}", "bénéficiaire")
    amo = Person(f"dossier {kind}", "amo")
    try:
        p.go("/renovation/eligibilite")
        eligible_test(p, answers)
        p.follow("Créer mon compte et mon dossier")
        p.fill(dict(CIVIL, email=email, password=PASSWORD, confirm=PASSWORD))
        p.submit("Créer mon compte")
        p.expect("Vérifiez votre messagerie" in p.text(), "création non confirmée")
        link = mailbox_link(p, email, r"https?://\S+/activation/\S+", "Activez")
        p.driver.get(link)
        p.check()
        p.sign_in(email, PASSWORD)
        p.expect(p.path().startswith("/dossiers"), f"un bénéficiaire arrive sur {p.path()}")
        p.follow("RENO-")
        home = p.path()
        p.go(home + "/amo")
        Select(p.driver.find_element(By.NAME, "amo")).select_by_visible_text("Rénov'Conseil Démo – 01")
        p.submit("Choisir cet AMO")
        amo.sign_in("amo@demo.guichet.invalid", passwords["amo@demo.guichet.invalid"])
        amo.go("/dossiers?etat=mandat")
        amo.expect("mandat à accepter" in amo.text(), "demande de mandat absente du tableau de bord")
        amo.go(home + "/amo")
        amo.submit("Accepter le mandat")
        fill_dossier(p, home, f"impasse des {kind}s", landlord=kind == "bailleur", sci=kind == "sci")
        p.expect("Votre AMO saisit votre dossier" in p.text(), "conseil de ne pas modifier la saisie de l'AMO absent")
        upload_all(amo, home)
        file_dossier(p, home)
    finally:
        p.quit()
        amo.quit()


def open_dossier(p, tab, words):
    """From the instructor's queue, the tab `tab`, the dossier whose row holds `words`."""
    p.go("/instruction")
    p.follow("Dossiers de rénovation à instruire")
    p.follow(tab + " (")
    rows = [r for r in p.driver.find_elements(By.CSS_SELECTOR, "main tbody tr") if words in r.text]
    p.expect(rows, f"aucun dossier « {words} » dans l'onglet {tab}")
    link = rows[0].find_element(By.PARTIAL_LINK_TEXT, "RENO-")
    href = link.get_attribute("href")
    p.click(link)
    WebDriverWait(p.driver, 30).until(lambda d: d.current_url == href)
    return p.check()


def instruction(passwords):
    """An instructor's decisions on the demo's dossiers, then the beneficiary signs by code."""
    staff = Person("instruction", "instructeur")
    bernard = Person("instruction", "bénéficiaire")
    try:
        staff.sign_in("instructeur@demo.guichet.invalid", passwords["instructeur@demo.guichet.invalid"])
        staff.go("/instruction/dossiers?q=TILLEULS")
        staff.expect("4 impasse des Tilleuls" in staff.driver.page_source or "Bernard" in staff.text(),
                     "la recherche sans accents ni majuscules ne trouve pas le dossier")
        status, kind, csv = staff.download("/instruction/dossiers/export.csv")
        staff.expect(status == 200 and "csv" in kind and b"R\xc3\xa9f\xc3\xa9rence" in csv, "export CSV illisible")
        # Sent back for correction, with the step concerned.
        open_dossier(staff, "En instruction", "Bernard")
        form = staff.form_with("/correction")
        staff.fill({"etape": "logement", "points": "Précisez l'étage du logement"}, form=form)
        staff.submit("Renvoyer pour correction", form=form)
        staff.expect("À corriger" in staff.text(), "le dossier n'est pas renvoyé pour correction")
        # The filed dossier: instruction, a document accepted, a note, a message, validation.
        open_dossier(staff, "Déposé", "Bernard")
        staff.submit("Commencer l'instruction")
        piece = [f for f in staff.driver.find_elements(By.TAG_NAME, "form") if "/pieces/" in (f.get_attribute("action") or "")][0]
        staff.fill({"avis": "acceptée"}, form=piece)
        staff.submit("Enregistrer l'avis", form=piece)
        notes = staff.form_with("/notes")
        staff.fill({"note": "Dossier complet, montant conforme au devis."}, form=notes)
        staff.submit("Enregistrer la note", form=notes)
        messages = staff.form_with("/messages")
        staff.fill({"message": "Votre dossier est en cours de validation."}, form=messages)
        staff.submit("Envoyer le message", form=messages)
        staff.submit("Valider le dossier")
        review = staff.path()
        for _ in range(30):
            if "En attente de signature" in staff.text():
                break
            time.sleep(1)
            staff.go(review)
        staff.expect("En attente de signature" in staff.text(), "la convention n'a pas été préparée")
        home = review.replace("/instruction/dossiers/", "/dossiers/")
        sign(bernard, passwords, home)
        staff.go(review)
        staff.expect("Convention signée" in staff.text(), "le dossier n'est pas signé")
        status, kind, pdf = staff.download(review + "/preuve.pdf")
        staff.expect(status == 200 and pdf.startswith(b"%PDF"), "fichier de preuve illisible")
    finally:
        staff.quit()
        bernard.quit()


def sign(p, passwords, home):
    """The beneficiary reads every page, accepts the conditions, receives a code by e-mail, signs."""
    email = "beneficiaire2@demo.guichet.invalid"
    p.sign_in(email, passwords[email])
    p.go(home)
    p.follow("Lire et signer la convention")
    while p.driver.find_elements(By.PARTIAL_LINK_TEXT, "Page suivante"):
        p.follow("Page suivante")
    p.follow("J'ai lu la convention")
    p.fill({"accepte": True})
    p.submit("Continuer")
    p.fill({"canal": "email"})
    p.submit("Envoyer le code")
    code = re.search(r"\d{6}", mailbox_link(p, email, r"est \d{6}\.", "Code de signature")).group(0)
    p.go(home + "/signature/code")
    p.fill({"code": code})
    p.submit("Continuer")
    p.expect("Récapitulatif avant signature" in p.text(), "pas de récapitulatif")
    p.submit("Je signe la convention")
    p.expect("Convention signée" in p.text(), "signature non confirmée")
    status, kind, pdf = p.download(home + "/convention-signee.pdf")
    p.expect(status == 200 and pdf.startswith(b"%PDF") and b"/ByteRange" in pdf, "convention signée illisible")


def public_pages():
    p = Person("pages publiques", "visiteur", width=390)
    try:
        for path in ["/", "/renovation", "/ami-drom", "/amo/annuaire", "/sources", "/connexion", "/inscription",
                     "/mot-de-passe-oublie", "/mentions-legales", "/donnees-personnelles", "/accessibilite",
                     "/aide"]:
            p.go(path)
        for label in ["Mentions légales", "Données personnelles", "Accessibilité", "Aide et contact"]:
            p.expect(p.driver.find_elements(By.PARTIAL_LINK_TEXT, label), f"pied de page sans « {label} »")
        p.go("/reinitialisation/jeton-inconnu")
        p.expect("password" not in p.driver.page_source, "un lien invalide montre le formulaire")
    finally:
        p.quit()


def main():
    passwords = demo_passwords()
    if "admin@demo.guichet.invalid" not in passwords:
        print("ÉCHEC : mots de passe de démonstration introuvables dans " + LOG, file=sys.stderr)
        return 1
    journeys = [("public", public_pages), ("eligibilite", eligibility), ("amo", lambda: amo_request(passwords)),
                ("bailleur", lambda: landlord(passwords)), ("ami", lambda: ami_filing(passwords)),
                ("arrivee", lambda: landings(passwords)), ("dossier-po", lambda: dossier_by_amo(passwords)),
                ("dossier-pb", lambda: dossier_by_beneficiary(passwords, "bailleur", LANDLORD)),
                ("dossier-sci", lambda: dossier_by_beneficiary(passwords, "sci", SCI)),
                ("instruction", lambda: instruction(passwords))]
    # GUICHET_BROWSER_ONLY=dossier walks the journeys whose name contains it (while developing).
    only = os.environ.get("GUICHET_BROWSER_ONLY", "")
    for name, journey in journeys:
        if only not in name:
            continue
        try:
            journey()
        except Failure:
            pass
        except Exception as e:  # a broken journey is a failure with its trace
            where = [f"{f.name}:{f.lineno}" for f in traceback.extract_tb(e.__traceback__) if "walk.py" in f.filename]
            first = (str(e).strip().splitlines() or [""])[0]
            failures.append(f"parcours interrompu : {type(e).__name__} : {first} ({' < '.join(reversed(where))})")
    lines = ["| parcours | rôle | page | axe-core 4.9 | résultat |", "|---|---|---|---|---|"]
    for journey, role, path, summary, ok in pages:
        lines.append(f"| {journey} | {role} | `{path}` | {summary} | {'ok' if ok else 'ÉCHEC'} |")
    report = "\n".join(lines)
    with open(os.path.join(OUT, "report.md"), "w", encoding="utf-8") as f:
        f.write(report + "\n\n" + ("\n".join(failures) or "Aucun échec.") + "\n")
    print(report)
    print(f"\n{len(pages)} pages visitées, {len({p[2] for p in pages})} adresses distinctes.")
    if failures:
        print("\nÉCHECS :\n" + "\n".join(failures), file=sys.stderr)
        return 1
    print("Suite navigateur : tous les parcours réussis.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
