"""Titles and offices written before a name (Mr Scholz, Chancellor Scholz, Presidente Lula):
a capitalised word before a surname that is no first name, so two of them, or a title and a
first name, do not make two people. Lower-cased, without a final full stop."""

TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady president vice chancellor minister prime premier
secretary senator sen governor gov mayor judge justice general gen colonel col captain capt major
lieutenant sergeant admiral commander king queen prince princess emperor pope saint st rev reverend
father sister brother ambassador commissioner chairman chairwoman chair chief representative rep
speaker leader coach officer inspector detective deputy sheriff attorney director ceo
sr sra srta dom dona don doña senhor senhora señor señora presidente presidenta ministro ministra
primeiro primer doutor doutora doctor doctora rei rainha rey reina papa governador gobernador senador
senadora deputado deputada diputado diputada juiz juíza juez jueza chanceler canciller prefeito alcalde
m mme mlle monsieur madame président présidente ministre chancelier chancelière général roi reine
sénateur sénatrice maire juge docteur pape
herr frau kanzler kanzlerin präsident präsidentin ministerin bundeskanzler bundeskanzlerin könig
königin papst bürgermeister bürgermeisterin richter richterin
господин госпожа президент министр премьер канцлер генерал мэр губернатор
""".split())


def is_title(word: str) -> bool:
    return word.casefold().rstrip(".") in TITLES
