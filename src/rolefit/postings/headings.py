"""The parts of a posting a heading can name, the words that name each, and how much each counts.

A heading names a part when its words, whole, are one of the patterns below (the first kind
that fits wins: "What you won't do" is what the job is not before it is the duties). The
patterns are matched in lower case, against a heading with plain apostrophes and no closing
"?" (:func:`heading_key`); :func:`kind_named` says which part a heading's words name, and
:func:`kind_of_pieces` which a heading of several parts names ("Perks and Benefits").
"""

from __future__ import annotations

import re

#: How much a mention counts, by the part of the posting it sits in.
WEIGHTS = {
    "duties": 1.0,
    "open": 0.8,  # before any heading, or under one that names no part: judged by content
    "requirements": 0.5,
    "nice": 0.15,
    "company": 0.0,
    "team": 0.5,  # the work of the team the hire joins
    "benefits": 0.0,
    "eeo": 0.0,
    "apply": 0.0,
    "openings": 0.0,
    "excluded": 0.0,  # "What you won't do": the work the job is not (read as negated)
    "stack": 0.35,  # "Tech stack", a tool a line: a tool named, not the work (as a tech-stack line)
}

#: An e-mail's sign-off ("Best,"): what follows is the sender's signature, not the job.
SIGN_OFF = (
    r"(with )?(best|kind|warm)( regards| wishes)?|(with )?regards|"
    r"thanks|thank you|many thanks|cheers|sincerely( yours)?"
)
KINDS: tuple[tuple[str, str], ...] = (
    (
        "excluded",
        r"what (you|you'll|you will|this role|the role) (will not|won't|wont|don't|do not|will never)"
        r"( \S+){0,3}|what you('ll| will) not( be)? do(ing)?|(what )?(this|the) (job|role|position) (is not|isn't)"
        r"( \S+){0,3}|(not|out of) (in )?scope( for this role)?|you will not|you won't|(this role|you) will not be"
        r"( \S+){0,3}|not your job|what we don't (need|expect)( \S+){0,3}",
    ),
    (
        "stack",
        r"(our |the )?(tech(nology|nical)? stack|stack|tools( we use| and technologies| of the trade)?|"
        r"tooling|technologies( we use)?|tech we use|toolbox|what we (use|work with)|built with)"
        r"( we use)?( at \S+)?",
    ),
    (
        "nice",
        r"(some )?nice[ -]to[ -]haves?,?( \S+){0,4}|bonus( points)?( if you( \S+){0,5})?|"
        r"preferred( (education|qualifications|skills|experience),?( \S+){0,5})?|(it'?s )?a plus|pluses|"
        r"desir(ed|able)( (skills|qualifications|experience|education)( (and|&) (skills|qualifications|experience))?)?|"
        r"ideally(,? you('d| would)?( also)? (have|bring))?|would be (great|nice)|"
        r"extra (credit|points)|good to haves?|not required but|what (would |will )?gives? you an edge|what we prefer|"
        r"(it('d| would) be )?(even )?better if( you)?( \S+){0,3}|nice if you have( \S+){0,3}|"
        r"(additional|optional) (skills|qualifications|requirements|experience)"
        r"( that (are|would be|will) (a plus|help)( \S+){0,3})?|"
        r"(skills|qualifications|experience|requirements|knowledge) (preferred|desired)|"
        r"desirable for the (role|position|job)|(additional )?desired (skills|qualifications|experience)|"
        r"(some )?other (relevant )?skills you (may|might) have|"
        r"you (will )?stand out( \S+){0,3}|great if you( \S+){0,3}|"
        r"bonus (qualifications|skills|experience|requirements)|stand-?out (skills|qualifications|experience)|"
        r"added bonus( if you( \S+){0,5})?|not required,? but (nice|good|great) to have|"
        r"highly desired|beneficial|recommended (qualifications|skills|experience)|"
        r"we'd love to see|you('ll| will) be a great fit if",
    ),
    (
        "benefits",
        r"(our |the |employee |your |other )?(benefits|perks)(( of| at| and| &| for| with)( \S+){1,4})?|"
        r"what we offer( you)?|(what )?(can |do )?we offer( \S+){0,4}|"
        r"our offer|what('s| is) in it for you|what \S+ offers( you)?|"
        r"why (you'll love|join|work|us)( \S+){0,5}|compensation|salary|pay( and| &) \S+|rewards?|"
        r"what you('ll| will) get|what you('ll| will) love( about( \S+){1,3})?|"
        r"why \S+ is a great (choice|place)( \S+){0,4}|how we take care of( \S+){0,3}|"
        r"as (we are )?(a |an |part( of)? )?\S+( \S+){0,4},? we offer|about the compensation|you can expect|"
        r"life at \S+|culture|(build )?your (future|career)|what working|retirement( (plan|savings|benefits))?|"
        r"paid time off( \(pto\))?|time off|vacation|"
        # the fields of an Indeed page: when, where and how the job is paid, not its work
        r"shift( and schedule)?|schedule|job types?|work (location|setting|schedule)|supplemental pay( types)?|pay|"
        r"location|hours( of work)?|ability to (commute|relocate)( \S+){0,4}|application questions?( \S+){0,3}"
        # "Acme offers:", "What Acme can offer you", "By joining us, you get", "Offer"
        r"|\S+( \S+){0,3} offers( you)?|\S+( \S+){0,3} offers (comprehensive |competitive |great |attractive )?"
        r"(benefits|perks),?( \S+){0,3}|what \S+( \S+){0,2} can offer( you)?|benefits we (provide|offer)|"
        r"(at \S+,? )?we('re| are)? offering|here('s| is) what \S+( \S+){0,2} (can )?offers?( you)?|"
        r"by (choosing|joining) us,? you( get)?|what you can expect( from us)?|offer|(your )?advantages|"
        r"physical (demands|requirements)|work(ing)? (environment|conditions)|job facts|"
        r"in return,? you( can)? (get|expect)|why consider \S+( \S+){0,2}|"
        r"top reasons to work (with|for|at) \S+( \S+){0,2}|(the )?(benefits|perks) you('ll| will) (enjoy|get|receive)",
    ),
    (
        "eeo",
        r"equal (employment )?opportunit\w*( \S+){0,3}|eeo\w*( \S+){0,4}|diversity( \S+){0,3}|inclusion|"
        r"(our )?(dedication|commitment) to (diversity|inclusion|equality)|accommodations?|we welcome|"
        r"pay transparency( statement)?",
    ),
    (
        "apply",
        r"how to apply|to apply|apply( now)?|application process|(the |our )?(interview|hiring|recruitment) process|"
        r"how we hire|next steps|contact|questions\??|data protection|privacy( notice| policy| statement)?|"
        r"(additional|more) information|join us|" + SIGN_OFF,
    ),
    (
        "openings",
        r"other (open )?(roles|openings|positions|jobs)( \S+){0,3}|(we are|we're) also hiring( \S+){0,4}|"
        r"(other )?open (positions|roles)( \S+){0,3}|also hiring|more (open )?(roles|jobs|openings)( \S+){0,3}|"
        r"similar (jobs|roles|positions)|(jobs|roles) you (may|might) (like|be interested in)|recommended jobs|"
        r"people also viewed|more jobs( \S+){0,3}",
    ),
    (
        "requirements",
        r"(job |minimum |basic |key |required |our |your |the |technical |position |functional |general |other |"
        r"mandatory |essential |core |must[- ]have |experience |education )?"
        r"(qualifications?|requirements?|specifications?)( \S+){0,4}|"
        r"you (meet|fulfil?l) (our |the )?(minimum |basic |following )?(qualifications|requirements)( \S+){0,6}|"
        r"who you are|who are you|(a (little|bit) |more )?about you|"
        r"what (you('ll| will)?|will you|would you) (bring|need)( to the (team|table|role))?|you bring|"
        r"what you bring( \S+){0,5}|what we('re| are)? look(ing)? for( \S+){0,4}|we('re| are) looking for|"
        r"what we (need|expect|ask)( from| of) you|what we('re| are) after|"
        r"((technical|required|key|desired|core|soft|mandatory|essential|must[- ]have) )?(your )?(skills|experience)"
        r"( required| needed| we need)?|"
        r"(work|relevant|professional) experience|qualities|"
        r"your profile|((behaviou?ral|personal|technical|candidate|professional) )?profile|must[ -]haves?|"
        r"(and )?you (have|are)( also)?|"
        r"you (may|might) be( a)?( good| great)? fit( \S+){0,5}|"
        r"you are the right fit( \S+){0,4}|as (a |an )?\S+( \S+){0,4},? you (have|are|bring)|"
        r"(as \S+( \S+){0,4},? )?you('ll| will)( also)? need|"
        r"(key |core )?competenc(ies|es)|education( requirements?)?|what (it takes|is needed)( to succeed)?|"
        r"ideal candidate|(the )?ideal (profile|candidate)( \S+){0,3}|what (are|do) we look(ing)? for|"
        r"let's talk about you|competencies (needed|required)( \S+){0,3}|"
        r"(what are )?(the )?selection (requirements|criteria)"
        r"|required( skill set| skills?| competenc(ies|es)| knowledge)?|"
        r"(required |minimum )?knowledge,? skills,? (and|and/or|&) abilities( required)?|"
        r"(minimum |required )?education( and| &| and/or) experience|knowledge( and| &) experience|"
        r"(other )?skills( and| &) abilities|skill ?sets?|knowledge|abilities|(technical )?skills? requirements?|"
        r"what you('ll| will) have|(highly )?(competitive|qualified|successful) candidates (will )?have|"
        r"experience( and| &) training( required)?|to be successful in this role,? you (must|will need to|need to) have"
        r"( the following)?|experiences? (you need|required|needed)|what we seek|"
        r"who (we('re| are)|are we) (looking for|seeking)|apply if you|"
        r"your (background|profile)(,? (and |& )?(skills|talents|experience|qualifications)){0,3}|"
        r"(our |the )?ideal candidate|we('re| are) looking for you if|who (is|are) (the |our )?(ideal|right) \S+|"
        r"what (will|would) make you (successful|a fit|stand out)|(important )?personal (attributes|qualities|skills)|"
        r"(minimum |required )?(education|experience)|job[- ]related experience|"
        r"what you('ll| will)? need( for this (position|role|job))?|person specification|profile of success|you|"
        r"(the )?experience you('ll| will) need|how to succeed|"
        r"essential( \S+)? (experience|skills|qualifications)( \S+){0,3}|"
        r"your (expertise|background includes)|candidate'?s'? profile",
    ),
    (
        "team",
        r"(department|division|group) (overview|description)|about (the|our|your) team|the team|our team|your team|"
        r"meet the team|who you('ll| will) work with",
    ),
    (
        "company",
        r"(a (little|bit) |more )?about us|who we are|who are we|what we do|company|"
        r"about (the |our )?(company|organi[sz]ation)|get to know( us| \S+)|"
        r"our (company|story|mission|values|culture|products?)|"
        r"the company|company (description|overview)|"
        # "About Acme", "Why Acme", "This is Acme": a name, so capitalised (not "About the job")
        r"about (?!(the|this|our|your|you|us|role|job|position|team)\b)(?-i:[A-Z])[\w&.-]*( (?-i:[A-Z&])[\w&.-]*){0,3}|"
        r"(why|we are|this is) (?!(you|we|join|work|the|a|an|our)\b)(?-i:[A-Z])[\w&.-]*"
        r"|our agency|who is (?-i:[A-Z])[\w&.-]*( (?-i:[A-Z&])[\w&.-]*){0,3}|"
        r"what does (?-i:[A-Z])[\w&.-]*( (?-i:[A-Z&])[\w&.-]*){0,3} do|(\S+ )?operating principles|"
        r"why we('re| are) proud( \S+){0,4}|operating company",
    ),
    (
        "duties",
        r"((your|our|the|job|role) )?((key|main|primary|core|essential|principal|specific|general|day-to-day|"
        r"day to day|typical|major|ongoing|((daily|weekly)( and (weekly|monthly))?)) )?"
        r"(job )?(roles?|responsibilit(y|ies)|duties|tasks)( includes?,?( but (are |is )?not limited to)?)?( \S+){0,4}|"
        r"what you('ll| will) (get to )?(do|be doing|work on|tackle)|what will you do|"
        r"what you('ll| will) be responsible for|what (would|will) be your (key |main )?responsibilities|"
        r"(your|the) (role|mission|job|impact|day[- ]to[- ]day)( \S+){0,3}|"
        r"(a (little|bit) |more )?about (the|this) (role|position)|"
        r"role (description|overview)|(primary |main )?purpose( of the (role|job|position))?|"
        r"job (description|summary|overview)|position (overview|summary|description)|the (scope|opportunity|position)|"
        r"in this role( you will)?|what the (job|role) involves|you will|as (a |an |the |"
        r"our )?\S+( \S+){0,4},? you( will|'ll)?|at \S+,? you('ll| will)|the work you('ll| will) (do|tackle)|"
        r"(the|your) challenges?|day to day|your (key )?tasks|what('s| is) the (job|role)|"
        r"(highlights|summary|overview) of (the |your )?(responsibilities|duties|role|job)|"
        r"(your )?daily (work|tasks|activities|routine)( \S+){0,2}|how you('ll| will) make (a|an) (difference|impact)|"
        r"key activities( \S+){0,7}|(role |job |key )?expectations( and (tasks|responsibilities|duties))?"
        # "Essential Job Functions", "Key Accountabilities", "Objectives/Purpose", "Missions"
        r"|(essential|principal|key|main|primary|core) (job )?(functions|activities|accountabilities)"
        r"( and (responsibilities|duties))?|(job )?functions|accountabilities|"
        r"((job|position|role) )?(purpose|objectives?)( and impact)?|"
        r"missions?|\S+ specific (duties|responsibilities)( and (duties|responsibilities))?|"
        r"(here is |here's )?a snapshot of( \S+){0,4}|what will you be doing|what you('ll| will) own|"
        r"a day in the life( of)?( \S+){0,3}|tasks?( and| &) responsibilities|"
        r"(task|role) description|"
        r"in this( \S+){0,2} role,?( you will)?|(the )?(main |key )?activities( are)?|"
        r"what you('ll| will) (get to )?do and learn|about (role|position)|"
        r"(the )?problems you('ll| will) solve|impact you('ll| will) make|you will contribute by|what you do|"
        r"your life as (an? )?\S+|(more specifically,? )?the responsibilities include|what is your mission|"
        r"(more concretely,? )?what will you do( day-to-day)?|your responsibilities as( \S+){1,5}|"
        r"what (are|will be) (the|your) (day[- ]to[- ]day |daily |main |key )?(responsibilities|duties|tasks)|"
        r"(position |typical |overall )accountabilit(y|ies)|overall responsibilit(y|ies)|"
        r"initial projects (will )?include|your day looks( something)? like( this)?|"
        r"(these are )?some (typical |of the )?responsibilities( \S+){0,5}|"
        r"(fun )?stuff you('ll| will) do( on the job)?|how you('ll| will) contribute",
    ),
    ("open", r"about the job|job details|overview|summary|description|full job description( below)?"),
)

#: One pattern for every kind of heading: the first kind (in the order above) that names the whole line.
_HEADING = re.compile("|".join(f"(?P<k{k}>{body})" for k, (_, body) in enumerate(KINDS)), re.IGNORECASE)

#: Where a heading of several parts is cut: "and", "&", "+", "/" and ","; first at a dash or bar
#: between spaces ("Daily and Monthly Responsibilities - What You Will Do").
_PIECES = re.compile(r"\s+(?:and|&|\+)\s+|\s*[/,]\s*(?:(?:and|&)\s+)?", re.IGNORECASE)
_DASHED = re.compile(r"\s+[-–—|]\s+")
#: "... at Acme", "... As a Data Engineer at Acme" after a heading ("Benefits At Collibra").
_AT_NAME = re.compile(r"(?:\s+[Aa]s an?(?:\s+\S+){1,4}?)?\s+(?:[Aa]t|@)\s+[A-Z][\w'&.-]*(?:\s+[A-Z][\w&.-]*){0,3}$")
#: A word that leads into a heading ("So, what will you do?", "Now, about you").
_LEAD = re.compile(r"^(?:so|and|now)\b,?\s+(?=\w)", re.IGNORECASE)
#: A contraction written without its apostrophe ("youll", "theyre"; not "were", a word of its own).
_CONTRACTED = re.compile(r"\b(?:you|we|they)(?=(?:ll|ve|d)\b)|\b(?:you|they)(?=re\b)", re.IGNORECASE)


def kind_of_pieces(key: str) -> str | None:
    """The part a heading of several parts names (the first), when each of them names one:
    "Perks and Benefits", "Education & Experience", "Qualities/ Experience"."""
    kinds: list[str | None] = []
    for dashed in _DASHED.split(key):
        kind = kind_named(dashed)
        if kind is None:
            pieces = [p for p in _PIECES.split(dashed) if p]
            if len(pieces) < 2:
                return None
            kinds += [kind_named(p) for p in pieces]
        else:
            kinds.append(kind)
    return kinds[0] if len(kinds) > 1 and None not in kinds else None


def heading_key(text: str, keep_name: bool = False) -> str:
    """A heading as its patterns expect it: plain apostrophes ("What You’ll Do", "What youll
    get to do"), no closing "?", "!" or "…", no company name after "at" (unless ``keep_name``:
    "As a Data Scientist at P&G You Will" names the duties with it)."""
    key = text.replace("’", "'").replace("‘", "'").replace("®", "").replace("™", "").rstrip("?!…. ").strip()
    key = _CONTRACTED.sub(r"\g<0>'", key)
    key = _LEAD.sub("", key) or key
    return key if keep_name else _AT_NAME.sub("", key) or key


def kind_named(key: str) -> str | None:
    """The kind of part a heading's words name, if they name one."""
    found = _HEADING.fullmatch(key)
    if found is None or found.lastgroup is None:
        return None
    return KINDS[int(found.lastgroup[1:])][0]
