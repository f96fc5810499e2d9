/**
 * Demo content for Masthead, the news site of the fictional Halden University.
 * Every person, department, figure and quotation below is invented for this project.
 */
import type {
  DemoArticle,
  DemoBlock,
  DemoPhoto,
  DemoStaff,
  DemoTopic,
  PhotoScene,
} from "./types";

const CREDIT = "Illustration: Masthead News Office";

/** A photograph spec with caption, alt text and credit. */
function pic(
  scene: PhotoScene,
  hue: number,
  seed: number,
  caption: string,
  alt: string,
  credit: string = CREDIT,
): DemoPhoto {
  return { photo: { scene, hue, seed }, caption, alt, credit };
}

function fig(
  scene: PhotoScene,
  hue: number,
  seed: number,
  caption: string,
  alt: string,
  credit: string = CREDIT,
): DemoBlock {
  return { type: "photo", ...pic(scene, hue, seed, caption, alt, credit) };
}

const p = (text: string): DemoBlock => ({ type: "p", text });
const h2 = (text: string): DemoBlock => ({ type: "h2", text });
const h3 = (text: string): DemoBlock => ({ type: "h3", text });
const quote = (text: string): DemoBlock => ({ type: "quote", text });
const ul = (...items: string[]): DemoBlock => ({ type: "ul", items });
const ol = (...items: string[]): DemoBlock => ({ type: "ol", items });
const hr: DemoBlock = { type: "hr" };

export const demoTopics: DemoTopic[] = [
  {
    slug: "university-news",
    name: "University News",
    description:
      "Decisions, appointments, budgets, buildings and awards from across Halden University.",
  },
  {
    slug: "research",
    name: "Research",
    description:
      "What Halden’s researchers are discovering, from the river bed to the night sky.",
  },
  {
    slug: "campus-life",
    name: "Campus Life",
    description:
      "Clubs, services, sport and the everyday life of students and staff on our campuses.",
  },
  {
    slug: "global-exchanges",
    name: "Global Exchanges",
    description:
      "Exchange students, partner universities and the people who carry ideas between Halden and the world.",
  },
  {
    slug: "events",
    name: "Events",
    description:
      "Lectures, open days, festivals and gatherings that are open to the university and the city.",
  },
  {
    slug: "arts-culture",
    name: "Arts & Culture",
    description:
      "Music, theatre, exhibitions and writing made at Halden University and shared with the city.",
  },
];

// Demo accounts (drafters write, revisers approve, the admin can do both).
const MAYA = "drafter@example.edu";
const TOMAS = "drafter2@example.edu";
const HELEN = "reviser@example.edu";
const SAMUEL = "admin@example.edu";
// Further staff writers and a second reviser.
const AIKO = "aiko.tanaka@example.edu";
const KWAME = "kwame.mensah@example.edu";
const LUCIA = "lucia.fernandez@example.edu";
const FARAH = "farah.haddad@example.edu";
const RAFAEL = "rafael.costa@example.edu";

export const demoStaff: DemoStaff[] = [
  { email: "drafter@example.edu", name: "Maya Lindqvist", role: "drafter" },
  { email: "drafter2@example.edu", name: "Tomás Okafor", role: "drafter" },
  { email: "reviser@example.edu", name: "Helen Marchetti", role: "reviser" },
  { email: "admin@example.edu", name: "Samuel Adeyemi", role: "admin" },
  { email: AIKO, name: "Aiko Tanaka", role: "drafter" },
  { email: KWAME, name: "Kwame Mensah", role: "drafter" },
  { email: LUCIA, name: "Lucía Fernández", role: "drafter" },
  { email: FARAH, name: "Farah Haddad", role: "drafter" },
  { email: RAFAEL, name: "Rafael Costa", role: "reviser" },
];

export const demoArticles: DemoArticle[] = [
  // ───────────────────────────── Published ─────────────────────────────
  {
    title: "University Council approves 2026–27 budget with €9m more for teaching labs",
    standfirst:
      "The €412 million plan protects student support, funds a second phase of lab refurbishment and asks every faculty to cut energy use by a tenth.",
    topics: ["university-news"],
    status: "published",
    date: "2026-05-04T10:15:00Z",
    drafter: KWAME,
    reviser: HELEN,
    views: 3184,
    lead: pic(
      "campus",
      28,
      101,
      "Kestrel Hall, where the University Council met on Friday afternoon to approve the budget.",
      "Illustration of a red-brick university hall with a central clock tower, trees on a lawn and a path with a few people walking towards it",
    ),
    body: [
      p(
        "Halden University’s governing council has approved a budget of €412 million for the 2026–27 academic year, an increase of 3.1 per cent on last year. The plan was passed on Friday by 19 votes to two after a four-hour meeting in Kestrel Hall.",
      ),
      p(
        "The largest single new commitment is €9 million for the second phase of the teaching-lab refurbishment, which will modernise 14 undergraduate laboratories in chemistry, biology and engineering. Hardship funding for students rises to €3.4 million, and the number of paid research assistantships for master’s students doubles to 120.",
      ),
      h2("Where the new money goes"),
      ul(
        "**€9.0m** for refurbishing 14 teaching laboratories by September 2027",
        "**€3.4m** for the student hardship fund, up from €2.6m",
        "**€2.1m** for 120 paid master’s research assistantships",
        "**€1.8m** for heat pumps and insulation across the Harbour Campus",
        "**€0.7m** for extended library opening hours and evening study space",
      ),
      p(
        "Chief Financial Officer Margit Hallberg told the council that the budget assumes flat international recruitment and a modest rise in research income. “We have built this plan on cautious numbers,” she said. “If recruitment is better than we expect, the first call on any surplus is the hardship fund, not new projects.”",
      ),
      h3("An energy target for every faculty"),
      p(
        "Each faculty is asked to reduce its electricity and heating use by 10 per cent by July 2027, measured against the average of the last three years. Savings that faculties achieve beyond the target will be returned to them as discretionary funding, a change proposed by the student union last autumn.",
      ),
      quote(
        "A budget is a list of promises. This one promises students that the support they rely on will be there, and it promises the city that we will burn less to keep our buildings warm. — Professor Elena Voss, Vice-Chancellor",
      ),
      p(
        "The full budget papers, including faculty allocations, are published on the [governance pages](https://example.edu/governance/budget-2026-27). Staff can put questions to the finance team at an open session in the Aurelius Library lecture room on 19 May.",
      ),
    ],
  },
  {
    title: "Sediment cores from the river bed record two centuries of Halden’s industry",
    standfirst:
      "Earth scientists have read the city’s history in layers of mud, from the first tanneries to the closing of the dye works in 1978.",
    topics: ["research"],
    status: "published",
    date: "2026-05-07T09:30:00Z",
    drafter: MAYA,
    reviser: RAFAEL,
    views: 5472,
    lead: pic(
      "harbor",
      205,
      102,
      "The research boat Sundew heads out past the container port towards the river mouth, where the deepest cores were taken.",
      "Illustration of a harbour with a small motor boat and sailing boats near wooden piers, container cranes and stacked containers on the quay behind",
    ),
    body: [
      p(
        "Beneath the slow water where the river Hald meets the harbour lies an archive nobody wrote on purpose. A team from the School of Earth and Environmental Sciences has now read it: eleven sediment cores, each up to 2.4 metres long, that record how the city’s factories, sewers and floods changed the river between about 1810 and today.",
      ),
      p(
        "The study, published this week in the _Journal of Estuarine Records_, dates the layers using lead-210 and caesium-137, the latter a fallout marker from atmospheric weapons tests that peaks in 1963. Between those anchors the team counted seasonal bands, much as one counts tree rings.",
      ),
      fig(
        "lab",
        195,
        103,
        "The sediment laboratory on the Harbour Campus, where samples from each layer of the cores are dissolved and analysed for metals.",
        "Illustration of a laboratory bench with flasks, beakers and racks of test tubes below a window and a shelf of bottles",
      ),
      h2("Chromium, then silence"),
      p(
        "The clearest signal is chromium. Concentrations climb sharply from the 1870s, when the first large tanneries opened on the east bank, and reach more than 40 times background levels in the 1950s. They fall almost to zero within a decade of the dye works closing in 1978.",
      ),
      quote(
        "You can put your finger on the year the dye works shut. The mud changes colour, and the chemistry changes with it. — Dr Inês Carvalho, who led the study",
      ),
      p(
        "Dr Carvalho says the cores also capture the great flood of 1894 as a 30-centimetre layer of coarse sand, and the dredging of the inner harbour in 1931 as a sharp break where older sediment was simply removed. “It is an honest archive, but it has pages torn out,” she said.",
      ),
      fig(
        "microscope",
        40,
        104,
        "Single-celled algae from the 1950s layer under the microscope: the species preserved in each layer show how the river’s water changed.",
        "Illustration of a microscope beside a magnified circular view of oval cells, each with a dark nucleus",
      ),
      h2("Why it matters now"),
      p(
        "The city council plans to deepen the harbour channel again in 2028. The new cores show that the most contaminated sediment sits between 60 and 110 centimetres below the river bed in the outer channel, which will help engineers decide what can be moved safely and what must be capped in place.",
      ),
      p(
        "The data set is open, and the team has built an [interactive core viewer](https://example.edu/earth-sciences/hald-cores) where anyone can scroll down through the layers year by year. Schools in the city have already asked for a classroom version.",
      ),
    ],
  },
  {
    title: "The Old Boathouse repair café has fixed 1,000 things since it opened",
    standfirst:
      "Every Wednesday evening, volunteers mend kettles, bicycles, jeans and laptops for free. This month they logged their thousandth repair.",
    topics: ["campus-life"],
    status: "published",
    date: "2026-05-12T14:00:00Z",
    drafter: LUCIA,
    reviser: HELEN,
    views: 1267,
    lead: pic(
      "campus",
      140,
      105,
      "The main quadrangle, where repair café volunteers collect broken lamps, bikes and kettles each term to take to the Old Boathouse.",
      "Illustration of a red-brick university hall with a central clock tower, trees on a lawn and a path with a few people walking towards it",
    ),
    body: [
      p(
        "The thousandth repair at the Old Boathouse was a desk lamp. It belonged to Wenjie Zhou, a second-year architecture student, and it needed a new switch and twenty minutes of patient soldering. The volunteers rang a ship’s bell, and everyone in the room applauded a lamp.",
      ),
      p(
        "The café was started in early 2025 by three engineering students who were tired of seeing working appliances in the bins behind the halls of residence. It now has 46 registered volunteers, including technicians from the Faculty of Engineering and two retired electricians from the neighbourhood.",
      ),
      h2("What gets fixed"),
      ul(
        "Small electrical appliances: 38 per cent of repairs",
        "Bicycles: 24 per cent",
        "Clothing and bags: 21 per cent",
        "Laptops and phones: 12 per cent",
        "Everything else, including one accordion: 5 per cent",
      ),
      p(
        "About four in five items leave the café working. Those that cannot be fixed are stripped for parts, which are sorted into labelled drawers along the back wall. “Half of our spare parts came from things we failed to save,” said volunteer coordinator Aksel Brandt, a fourth-year mechanical engineering student.",
      ),
      quote(
        "People arrive apologising for bringing something so small. Then they stay for an hour and learn how a toaster works.",
      ),
      p(
        "The café is open every Wednesday from 17:00 to 20:00 during term. No booking is needed, but volunteers ask that items be clean and, where possible, come with their chargers. New volunteers can sign up through the [student union](https://example.edu/union/repair-cafe).",
      ),
    ],
  },
  {
    title: "“Cities on the Water” lecture series returns with six evenings on the harbour",
    standfirst:
      "This spring’s free public lectures ask how port cities from Halden to Lagos are adapting to higher seas, busier shipping and a changing economy.",
    topics: ["events", "global-exchanges"],
    status: "published",
    date: "2026-05-15T11:00:00Z",
    drafter: TOMAS,
    reviser: SAMUEL,
    views: 894,
    lead: pic(
      "lecture",
      220,
      106,
      "The Harbour Lecture Theatre, which seats 340 and overlooks the inner basin.",
      "Illustration of a tiered lecture theatre with a chalkboard, a screen showing a bar chart, a speaker at the front and rows of listeners",
    ),
    body: [
      p(
        "The university’s public lecture series “Cities on the Water” returns on 21 May with six Thursday evenings in the Harbour Lecture Theatre. All lectures are free and begin at 18:30, with doors opening half an hour earlier for coffee.",
      ),
      p(
        "This year’s speakers include researchers from three of Halden’s partner universities, who will compare how their own port cities are responding to the same pressures. Each lecture ends with a panel question from a Halden student and thirty minutes of questions from the floor.",
      ),
      h2("The programme"),
      ol(
        "21 May — **The rising floor**: sea level and the harbour wall, with Professor Anders Vik",
        "28 May — **Lagos, Halden and the container**: how shipping reshaped two waterfronts, with Dr Funmi Adebayo",
        "4 June — **Fish, fog and football**: the social life of a working quay, with Dr Rosa Pellegrini",
        "11 June — **Salt in the pipes**: drinking water in coastal cities, with Professor Hyun-woo Lee",
        "18 June — **The harbour as a park**: what happens when industry leaves",
        "25 June — Closing debate: should Halden build a storm barrier?",
      ),
      p(
        "The closing debate is expected to be the busiest evening. Last year’s final session, on the future of the ferry terminal, filled the theatre and an overflow room. Seats can be reserved on the [events page](https://example.edu/events/cities-on-the-water), and every lecture will be streamed and captioned.",
      ),
      quote(
        "Port cities talk to each other through ships all the time. We wanted them to talk to each other through their universities as well. — Dr Rosa Pellegrini, series organiser",
      ),
      p(
        "The series is supported by the Halden Harbour Trust and the university’s Office for Global Partnerships. Recordings of all previous lectures remain available online.",
      ),
    ],
  },
  {
    title: "Student printmakers fill the Quay Gallery with 200 views of the river",
    standfirst:
      "“Downstream”, the graduating show of the printmaking studio, opens on Friday with linocuts, etchings and a ten-metre scroll.",
    topics: ["arts-culture"],
    status: "published",
    date: "2026-05-20T15:30:00Z",
    drafter: AIKO,
    reviser: RAFAEL,
    views: 712,
    lead: pic(
      "city",
      12,
      107,
      "The city across the river at dusk, one of the most printed views in the exhibition.",
      "Illustration of a city skyline at dusk with lit windows, reflected in the river in front of it",
    ),
    body: [
      p(
        "For their final-year show, the eleven students of the printmaking studio set themselves a single subject: the river Hald, from its source in the hills to the harbour mouth. The result, “Downstream”, fills the Quay Gallery with more than 200 prints.",
      ),
      p(
        "The centrepiece is a ten-metre paper scroll by Ebba Lindahl, printed from 48 woodblocks, which follows the river bend by bend. Visitors walk alongside it, and at the far end the water opens into the harbour just as the gallery windows open onto the real one.",
      ),
      fig(
        "city",
        25,
        108,
        "Halden’s waterfront after dark, the subject of Ebba Lindahl’s ten-metre scroll printed from 48 woodblocks.",
        "Illustration of tall city buildings with lit windows under a purple evening sky, mirrored in dark water",
      ),
      p(
        "Other work is more intimate. Jonah Mbeki’s series of small drypoints records the same willow tree on 30 consecutive mornings, and Sofía Ramírez has printed directly onto river-washed linen using inks made from oak galls and rust.",
      ),
      quote(
        "Printmaking is slow. That turned out to be the right speed for looking at a river. — Ebba Lindahl",
      ),
      fig(
        "garden",
        95,
        109,
        "The path to the Botanic Garden glasshouse, where Jonah Mbeki made his series of thirty drypoints of mornings at the same willow.",
        "Illustration of a glasshouse at the end of a path lined with flowerbeds, with trees on either side",
      ),
      p(
        "“Downstream” runs until 14 June. The gallery is open Tuesday to Sunday from 11:00 to 17:00, and entry is free. Several works are for sale, with proceeds going to a travel fund for next year’s students.",
      ),
    ],
  },
  {
    title: "Porto exchange students map the harbour’s hidden seagrass meadows",
    standfirst:
      "Six visiting marine biology students spent a month diving in Halden harbour and found seagrass where charts showed only mud.",
    topics: ["global-exchanges", "research"],
    status: "published",
    date: "2026-05-26T09:00:00Z",
    drafter: FARAH,
    reviser: HELEN,
    views: 1506,
    lead: pic(
      "harbor",
      175,
      110,
      "The marine station’s boat sets out from the Harbour Campus for the seagrass survey sites, past the container terminal.",
      "Illustration of a harbour with a small motor boat and sailing boats near wooden piers, container cranes and stacked containers on the quay behind",
    ),
    body: [
      p(
        "When Beatriz Monteiro arrived from Porto in April, she expected Halden harbour to be a place to practise cold-water diving, not a place to make discoveries. Four weeks later, she and five fellow exchange students have mapped 3.2 hectares of eelgrass that did not appear on any survey.",
      ),
      p(
        "The students are spending a semester at Halden through the university’s Atlantic Coasts exchange, which links marine science programmes in five port cities. Each visiting group takes on a real survey task set by the Harbour Campus marine station.",
      ),
      h2("A meadow under the ferry route"),
      p(
        "The largest patch lies in the shallows east of the ferry terminal, at depths of two to four metres. Dr Leila Nasser, who supervises the marine station, says the meadow has probably grown back since the dye works closed, as the water cleared and light reached the bottom again.",
      ),
      quote(
        "Seagrass stores carbon, shelters young fish and holds the sediment in place. Finding three hectares of it in a working harbour is genuinely good news. — Dr Leila Nasser",
      ),
      p(
        "The Porto group used a simple method: divers swam along marked lines, photographing a square metre of sea floor every five metres. Back in the lab they scored each photograph for seagrass cover, producing a map accurate to about a metre.",
      ),
      p(
        "Their survey has already been passed to the harbour authority, which will take the meadow into account when planning next year’s mooring upgrades. Monteiro will return to Porto in July but hopes to come back for her master’s project. “I have left a piece of work unfinished here,” she said. “That is a good reason to return.”",
      ),
    ],
  },
  {
    title: "Chemists find a cheaper salt that helps sodium batteries survive 4,000 cycles",
    standfirst:
      "A new electrolyte additive developed at Halden stops sodium-ion cells from wearing out, and it costs less than a tenth of the lithium alternative.",
    topics: ["research"],
    status: "published",
    date: "2026-06-02T08:45:00Z",
    drafter: TOMAS,
    reviser: RAFAEL,
    views: 6830,
    lead: pic(
      "lab",
      48,
      111,
      "The Department of Chemistry laboratory where the new electrolyte salt is made and purified.",
      "Illustration of a laboratory bench with round-bottomed flasks on stands, conical flasks and racks of test tubes",
    ),
    body: [
      p(
        "Sodium is a thousand times more abundant than lithium and far cheaper to refine, which makes sodium-ion batteries attractive for storing wind and solar power. Their weakness has been lifespan: after a few hundred charges, a crust builds up on the electrodes and capacity falls away.",
      ),
      p(
        "A team led by Professor Jun-seo Park in the Department of Chemistry reports in _Energy Materials Letters_ that adding a small amount of a fluorinated borate salt to the electrolyte keeps that crust thin and stable. Their test cells kept 87 per cent of their capacity after 4,000 full cycles, roughly eleven years of daily use.",
      ),
      fig(
        "lab",
        210,
        112,
        "Electrolyte solutions with and without the additive, ready to be filled into test cells.",
        "Illustration of a laboratory bench with flasks, beakers and racks of test tubes below a window and a shelf of bottles",
      ),
      h2("A salt chosen by elimination"),
      p(
        "Doctoral researcher Amara Nwosu screened 64 candidate additives over eighteen months, first by computer simulation and then in coin cells no bigger than a button. Most made things worse. The winning compound, which the group calls HB-7, was only added to the shortlist because it was already on the shelf from an unrelated project.",
      ),
      quote(
        "I nearly left it out because it seemed too simple. It was the last cell I built before the summer break, and it was still running when I came back. — Amara Nwosu",
      ),
      p(
        "HB-7 is made from inexpensive starting materials in a two-step synthesis. At the one per cent concentration used in the study, it adds less than €0.40 to the cost of a kilowatt-hour of storage, compared with about €5 for the lithium salts normally used for the same job.",
      ),
      fig(
        "lab",
        60,
        113,
        "Amara Nwosu’s bench in the chemistry laboratory, where the salt is mixed into the electrolyte before the cells are assembled.",
        "Illustration of a laboratory bench with flasks, beakers and racks of test tubes below a window and a shelf of bottles",
      ),
      h2("Next: bigger cells"),
      p(
        "The team is now testing HB-7 in pouch cells the size of a paperback book, which behave more like commercial batteries. The university has filed a patent application and is in early talks with a regional grid-storage company about a pilot. Professor Park cautions that scale-up often reveals new problems. “Coin cells are honest but they are small,” he said. “We will know much more by the spring.”",
      ),
    ],
  },
  {
    title: "Professor Kofi Asante-Berg named Provost from September",
    standfirst:
      "The civil engineer, who has led the Faculty of Engineering since 2021, will be responsible for teaching, research and the academic budget.",
    topics: ["university-news"],
    status: "published",
    date: "2026-06-05T12:00:00Z",
    drafter: KWAME,
    reviser: SAMUEL,
    views: 2240,
    lead: pic(
      "campus",
      200,
      114,
      "Kestrel Hall, home of the Provost’s office, seen from the main quadrangle.",
      "Illustration of a red-brick university hall with a central clock tower, trees on a lawn and a path with a few people walking towards it",
    ),
    body: [
      p(
        "Professor Kofi Asante-Berg will become Provost of Halden University on 1 September, the Vice-Chancellor announced on Friday. He succeeds Professor Ruth Ellingsen, who retires after eight years in the role and more than three decades at the university.",
      ),
      p(
        "As Provost, Professor Asante-Berg will lead the university’s academic strategy and oversee its five faculties, the library and the graduate school. He will also chair the committee that distributes the academic budget, currently about €260 million a year.",
      ),
      p(
        "A specialist in flood defences, he joined Halden in 2009 from a post in Accra and became Dean of Engineering in 2021. During his time as dean the faculty opened its first undergraduate programme in environmental engineering and doubled the share of women among its first-year students, to 38 per cent.",
      ),
      quote(
        "The best thing a provost can do is to make it easier for good teachers and good researchers to do their work. I intend to spend my first months listening to them. — Professor Kofi Asante-Berg",
      ),
      p(
        "Professor Elena Voss, the Vice-Chancellor, thanked Professor Ellingsen for “steady, generous leadership through some difficult years”, including the move to online teaching in 2020 and the merger of the two medical schools. A farewell reception for Professor Ellingsen will be held in the Great Hall on 26 June.",
      ),
      p(
        "The search for a new Dean of Engineering begins this month. An interim dean will be named before the start of the autumn term.",
      ),
    ],
  },
  {
    title: "Halden rowers take three golds at the Northern Universities Regatta",
    standfirst:
      "The women’s eight won by two lengths, and a first-year pair who met in September took the mixed double sculls.",
    topics: ["campus-life"],
    status: "published",
    date: "2026-06-10T16:20:00Z",
    drafter: FARAH,
    reviser: HELEN,
    views: 1893,
    lead: pic(
      "sports",
      190,
      115,
      "The Halden Sports Park, where the rowers were cheered at half-time of Saturday’s football match after their return from the regatta.",
      "Illustration of a football match on a stadium pitch, players running, with floodlights, stands and a running track",
    ),
    body: [
      p(
        "Halden University Boat Club returned from the Northern Universities Regatta with three gold medals, its best result in more than a decade. Twenty-two crews from nine universities raced over 2,000 metres on the lake course at Varnes.",
      ),
      p(
        "The women’s eight, stroked by third-year geography student Nora Halvorsen, led from the start and finished two lengths clear in 6 minutes 41 seconds. The men’s coxless four and the mixed double sculls also won their finals.",
      ),
      fig(
        "harbor",
        205,
        116,
        "The finish area of the regatta course in the harbour, with spectators’ boats moored by the piers.",
        "Illustration of a harbour with a small motor boat and sailing boats near wooden piers, container cranes and stacked containers on the quay behind",
      ),
      p(
        "The sculls result was the surprise of the weekend. Idris Bello and Liv Aune had never rowed before joining the club’s novice programme last September. They first sat in a boat together in February, after their original partners were injured within a week of each other.",
      ),
      quote(
        "We train at six in the morning on a river that is usually grey and usually cold. Days like Saturday are why people keep getting up. — Head coach Marit Solheim",
      ),
      fig(
        "harbor",
        210,
        117,
        "The harbour at sunrise, where the crews row their early training pieces before the ferries start.",
        "Illustration of a harbour at sunrise with a low sun over calm water, sailing boats, a small motor boat, wooden piers and container cranes",
      ),
      p(
        "The club is recruiting for next season and will hold open try-outs during welcome week. No experience is needed. Details are on the [boat club page](https://example.edu/sport/rowing).",
      ),
    ],
  },
  {
    title: "Hidden verses in the Halden Psalter revealed by multispectral imaging",
    standfirst:
      "Under ultraviolet and infrared light, erased lines of a fourteenth-century manuscript have become readable for the first time in 600 years.",
    topics: ["research", "arts-culture"],
    status: "published",
    date: "2026-06-16T10:00:00Z",
    drafter: AIKO,
    reviser: RAFAEL,
    views: 8420,
    lead: pic(
      "library",
      35,
      118,
      "The special collections reading room of the Aurelius Library, where the Halden Psalter is kept.",
      "Illustration of a library reading room with tall bookshelves, a ladder, an arched window and a long table with reading lamps",
    ),
    body: [
      p(
        "For six centuries, the margins of folio 112 in the Halden Psalter looked like stained parchment. This spring, researchers from the Centre for Manuscript Studies photographed the page under 16 wavelengths of light, and a poem appeared.",
      ),
      p(
        "The psalter, a prayer book made around 1340 and held by the university since 1872, is the most valuable object in the Aurelius Library’s special collections. Scholars had long known that someone had scraped text from several pages, but the ink was too faint to read with the naked eye.",
      ),
      h2("Twenty-two lines in the vernacular"),
      p(
        "The recovered text is a poem of 22 lines written not in Latin but in an early form of the local language, in a different hand from the main scribe. It describes a winter crossing of the harbour on the ice and asks for protection for “all who walk where boats should be”.",
      ),
      fig(
        "library",
        280,
        119,
        "The manuscripts room of the Aurelius Library, where the psalter was imaged page by page.",
        "Illustration of a library reading room with tall bookshelves, a ladder, an arched window and a long table with reading lamps",
      ),
      quote(
        "It is a tiny, personal poem tucked into a very formal book. Someone cared enough to write it, and someone else cared enough to scrape it off. We would like to know why. — Dr Oliver Brennan, Centre for Manuscript Studies",
      ),
      p(
        "Dr Brennan’s team used a camera system on loan from a conservation laboratory, capturing each page 48 times under different lighting. Software then separates the original ink from the later writing and the stains of use. The work took three weeks and did not require the book to be unbound.",
      ),
      fig(
        "library",
        30,
        120,
        "The reading room of the Aurelius Library, where Hanne Øberg and the imaging team worked after closing time.",
        "Illustration of a library reading room with tall bookshelves, a ladder, an arched window and a long table with reading lamps",
      ),
      h2("What happens next"),
      ul(
        "A full transcription and translation will be published in the autumn.",
        "All 240 imaged pages will be released online under an open licence.",
        "Folio 112 will go on public display in the library foyer for two weeks in October.",
      ),
      p(
        "The imaging project was funded by a €180,000 grant from the Nordic Heritage Foundation. Dr Brennan expects further erasures to turn up as the team works through the remaining pages.",
      ),
    ],
  },
  {
    title: "Midsummer Open Day: labs, boat trips and a choir on the quay",
    standfirst:
      "More than 6,000 visitors are expected on Saturday, when the Harbour Campus opens its doors to prospective students and their families.",
    topics: ["events"],
    status: "published",
    date: "2026-06-23T08:30:00Z",
    drafter: LUCIA,
    reviser: SAMUEL,
    views: 2675,
    lead: pic(
      "campus",
      55,
      121,
      "The main quadrangle in front of Kestrel Hall, where Saturday’s open day begins.",
      "Illustration of a red-brick university hall with a central clock tower, trees on a lawn and a path with a few people walking towards it",
    ),
    body: [
      p(
        "Halden University’s Midsummer Open Day takes place on Saturday 27 June from 10:00 to 16:00. Every faculty will run taster lectures and tours, and for the first time the Harbour Campus marine station will offer short boat trips around the inner basin.",
      ),
      p(
        "Last year’s open day drew 5,400 visitors. Organisers are planning for 6,000 this year and have asked the city to run extra trams on the Harbour line between 09:00 and 17:00.",
      ),
      h2("Highlights"),
      ul(
        "**10:30** — “Can you power a phone with a lemon?” chemistry demonstration, Lab Building B",
        "**11:00 to 15:00** — 20-minute boat trips from the marine station pontoon (free, first come first served)",
        "**12:00** — Student panel: what nobody tells you about your first year, Great Hall",
        "**13:30** — Tour of the Aurelius Library’s special collections",
        "**15:30** — The University Chamber Choir sings on the quay",
      ),
      p(
        "Student ambassadors in yellow T-shirts will be stationed at every building entrance. Parents who want to talk about accommodation, fees or support services can visit the information tent on the lawn outside Kestrel Hall throughout the day.",
      ),
      quote(
        "We want visitors to meet our students, not just our buildings. The best questions get answered over a coffee on the grass.",
      ),
      p(
        "Entry is free and no registration is required, though places on the boat trips are limited to 12 per sailing. The full programme and a campus map are available on the [open day page](https://example.edu/open-day).",
      ),
    ],
  },
  {
    title: "Summer school in Accra brings Halden and Ghanaian engineers to the same coast",
    standfirst:
      "Twenty-four students from two continents spent three weeks studying coastal erosion on beaches that are losing two metres a year.",
    topics: ["global-exchanges"],
    status: "published",
    date: "2026-06-30T13:00:00Z",
    drafter: KWAME,
    reviser: HELEN,
    views: 1148,
    lead: pic(
      "harbor",
      30,
      122,
      "The port of Tema, east of Accra, one of the field sites visited during the summer school.",
      "Illustration of a harbour with a small motor boat and sailing boats near wooden piers, container cranes and stacked containers on the quay behind",
    ),
    body: [
      p(
        "Twelve engineering students from Halden and twelve from our partner university in Accra have completed the first joint summer school on coastal engineering. For three weeks in June, they measured beaches, interviewed fishing communities and designed sea defences on the Ghanaian coast.",
      ),
      p(
        "The programme grew out of a research partnership between Halden’s Faculty of Engineering and colleagues in Accra that began in 2019. The students worked in mixed teams of four, with each team assigned a stretch of coastline and a local community to work with.",
      ),
      fig(
        "city",
        40,
        123,
        "Accra’s lights at dusk, seen across the water from the students’ last field site.",
        "Illustration of a city skyline at dusk with lit windows, reflected in the river in front of it",
      ),
      h2("Lessons both ways"),
      p(
        "Halden student Marte Sund said the trip overturned what she thought she knew. “At home we design walls to keep the sea out. Here, people need to keep working on the beach, so a wall would destroy the thing it protects,” she said. Her team’s final design used offshore reefs built from recycled concrete to slow the waves instead.",
      ),
      quote(
        "Our students know this coast better than any textbook. The Halden students brought new tools. By the second week, nobody could tell which ideas came from which side. — Dr Kwabena Owusu, co-director of the summer school",
      ),
      p(
        "The programme was fully funded, including flights and accommodation, through the university’s Global Exchange Fund. A return summer school, in which Ghanaian students will study Halden’s harbour defences, is planned for June 2027.",
      ),
      p(
        "Applications for next year open in January. Students in any engineering or environmental programme may apply through the [Office for Global Partnerships](https://example.edu/global/summer-schools).",
      ),
    ],
  },
  {
    title: "A night’s sleep helps memories stick, but only the ones you were told to keep",
    standfirst:
      "Psychologists at Halden show that the sleeping brain picks out information labelled as important and lets the rest fade.",
    topics: ["research"],
    status: "published",
    date: "2026-07-07T09:15:00Z",
    drafter: MAYA,
    reviser: SAMUEL,
    views: 7915,
    lead: pic(
      "lecture",
      240,
      124,
      "Dr Annika Rørvik presents the findings to students in the Harbour Lecture Theatre.",
      "Illustration of a tiered lecture theatre with a chalkboard, a screen showing a bar chart, a speaker at the front and rows of listeners",
    ),
    body: [
      p(
        "Sleep does not simply protect everything we learned during the day. It appears to be selective, favouring memories we expect to need. That is the conclusion of a study of 96 volunteers in Halden University’s sleep laboratory, published this week in _Sleep and Cognition_.",
      ),
      p(
        "Participants learned 60 pairs of words in the evening. Immediately afterwards, they were told that half of the pairs would be tested the next day and the other half would not. Then they either slept in the lab or stayed awake overnight under supervision.",
      ),
      h2("Tested pairs improved; others did not"),
      p(
        "After a night’s sleep, volunteers remembered 23 per cent more of the pairs they had been told to keep than those who stayed awake. For the pairs they had been told to forget, sleep made no measurable difference at all. Yet in a surprise test, everyone was asked to recall both sets.",
      ),
      fig(
        "lab",
        250,
        125,
        "The laboratory next to the sleep rooms, where the overnight recordings are checked and analysed.",
        "Illustration of a laboratory bench with flasks, beakers and racks of test tubes below a window and a shelf of bottles",
      ),
      quote(
        "The sleeping brain seems to read the label on the box. It stores what it expects to be asked about. — Dr Annika Rørvik, Department of Psychology",
      ),
      p(
        "Recordings of brain activity showed why. The benefit for the labelled pairs was strongest in volunteers who had more _sleep spindles_, short bursts of brain waves during light sleep that are thought to help transfer memories from short-term to long-term storage.",
      ),
      fig(
        "city",
        265,
        126,
        "Halden after midnight, when the volunteers in the sleep laboratory are deep in their first cycles of sleep.",
        "Illustration of a city skyline at dusk with lit windows, reflected in the river in front of it",
      ),
      h2("Advice for students"),
      p(
        "Dr Rørvik is careful not to overstate the findings, but she offers one practical tip. “Before you go to bed, remind yourself what matters for tomorrow,” she said. “A short review in the evening may tell your brain which memories to work on overnight.”",
      ),
      p(
        "The team is now recruiting volunteers aged 60 and over for a follow-up study on whether the effect weakens with age. Volunteers are paid €150 for two nights. More information is on the [sleep lab website](https://example.edu/psychology/sleep-lab).",
      ),
    ],
  },
  {
    title: "Work begins on the Riverside Science Building, Halden’s largest project in 40 years",
    standfirst:
      "The €118 million building will bring chemistry, physics and earth sciences under one timber-framed roof by the autumn of 2029.",
    topics: ["university-news"],
    status: "published",
    date: "2026-07-14T11:30:00Z",
    drafter: TOMAS,
    reviser: HELEN,
    views: 4106,
    lead: pic(
      "city",
      150,
      127,
      "The riverside at dusk: the new building will rise on Wharf Street, at the water’s edge.",
      "Illustration of a city skyline at dusk with lit windows, reflected in the river in front of it",
    ),
    body: [
      p(
        "Construction of the Riverside Science Building began on Monday with a groundbreaking ceremony on the former ferry depot site on Wharf Street. At 26,000 square metres, it will be the university’s largest building since the Aurelius Library opened in 1986.",
      ),
      p(
        "The building will house the departments of Chemistry, Physics and Earth Sciences, which are currently spread across four sites, some in buildings dating from the 1930s. It will contain 62 laboratories, a 400-seat lecture theatre and a public atrium facing the river.",
      ),
      fig(
        "campus",
        160,
        128,
        "Kestrel Hall on the main campus, home of the science departments until the Riverside Science Building opens.",
        "Illustration of a red-brick university hall with a central clock tower, trees on a lawn and a path with a few people walking towards it",
      ),
      h2("Built from timber"),
      p(
        "Above the concrete basement, the structure will be built almost entirely from cross-laminated timber. The architects estimate that this will cut the carbon emitted during construction by about 40 per cent compared with a steel and concrete frame. Heating and cooling will come from heat pumps drawing on the river.",
      ),
      quote(
        "Scientists will be working side by side who have spent their careers in separate buildings. I expect some very good ideas to start in the queue for coffee. — Professor Elena Voss, Vice-Chancellor",
      ),
      fig(
        "lab",
        140,
        129,
        "One of the teaching laboratories the new building will replace, little changed since the 1980s.",
        "Illustration of a laboratory bench with flasks, beakers and racks of test tubes below a window and a shelf of bottles",
      ),
      h2("Disruption and access"),
      p(
        "The footpath along the river between the Old Boathouse and the ferry terminal will be closed until October while the foundations are laid. A signed diversion runs along Tanner’s Lane. Construction hours are 07:00 to 19:00 on weekdays, with no heavy deliveries during exam periods.",
      ),
      p(
        "Weekly updates, webcam images and a contact form for neighbours are available on the [project website](https://example.edu/estates/riverside-science). Public tours of the site will begin once the frame is up, probably in the spring of 2028.",
      ),
    ],
  },
  {
    title: "Harbour Chamber Festival opens with Schubert in a grain warehouse",
    standfirst:
      "Ten days, fourteen concerts and one very large empty building: the university’s summer music festival moves to the waterfront.",
    topics: ["arts-culture", "events"],
    status: "published",
    date: "2026-07-21T14:45:00Z",
    drafter: AIKO,
    reviser: SAMUEL,
    views: 1322,
    lead: pic(
      "concert",
      35,
      130,
      "The grain warehouse on the north quay under stage lights: after the chamber concerts, the festival club hosts the city’s bands until late.",
      "Illustration of a band with guitars and a drum kit on a stage under coloured spotlights, with the audience in silhouette in front",
    ),
    body: [
      p(
        "The Harbour Chamber Festival, organised by the School of Music, opens on Friday in an unlikely venue: the disused grain warehouse on the north quay, which the city has lent to the festival for the first time. Its brick walls and timber roof give the hall a warm, long echo that suits string music well.",
      ),
      p(
        "The opening concert pairs Schubert’s String Quintet in C major with a new piece by composition student Ilse Vandermeer, written for the building and titled “Silo”. Over the following ten days, fourteen concerts feature staff, students and six visiting ensembles.",
      ),
      quote(
        "Warehouses were built to hold something valuable and keep it dry. For ten days, that will be music. — Professor Dmitri Sokolov, festival director",
      ),
      h2("Tickets and access"),
      p(
        "Tickets cost €12, or €5 for students and under-18s. Three lunchtime concerts are free. The warehouse has been fitted with a ramp and an accessible toilet, and a hearing loop covers the front eight rows.",
      ),
      p(
        "Because the building is unheated and stands on the water, organisers suggest bringing a jumper for evening concerts. Blankets will also be available at the door.",
      ),
      p(
        "The full programme is on the [School of Music website](https://example.edu/music/harbour-festival). Festival passes for all fourteen concerts cost €60 and are on sale until the opening night.",
      ),
    ],
  },
  {
    title: "From gravel to 400 kilos of vegetables: the Tanner’s Lane garden’s first harvest",
    standfirst:
      "A car park behind the halls of residence has become a community garden, run by students and neighbours and feeding the campus food pantry.",
    topics: ["campus-life"],
    status: "published",
    date: "2026-07-28T10:40:00Z",
    drafter: LUCIA,
    reviser: RAFAEL,
    views: 968,
    correction: {
      text: "An earlier version of this article said the compost came from the city’s food waste. It was made from the university’s own.",
      at: "2026-07-29T08:15:00Z",
    },
    lead: pic(
      "garden",
      105,
      131,
      "The Tanner’s Lane garden in July: flower borders line the path to the glasshouse where the seedlings are raised.",
      "Illustration of a glasshouse at the end of a path lined with flowerbeds, with trees on either side",
    ),
    body: [
      p(
        "Eighteen months ago, the plot behind Tanner’s Lane halls was a gravel car park with space for 30 cars. This summer it produced more than 400 kilograms of vegetables, most of which went to the campus food pantry.",
      ),
      p(
        "The garden was proposed by the student Environmental Society in 2024, after the university moved staff parking to the new multi-storey on Ferry Road. Estates staff removed the gravel and brought in 120 tonnes of compost made from the university’s own food waste.",
      ),
      fig(
        "garden",
        80,
        132,
        "Flowers for pollinators grow along the path between the vegetable beds.",
        "Illustration of a glasshouse at the end of a path lined with flowerbeds, with trees on either side",
      ),
      p(
        "About 70 people now hold a weekly slot, roughly half of them students and half neighbours from the streets around the campus. Everyone works the shared beds together, and anything not taken by volunteers goes to the pantry on Friday afternoons.",
      ),
      quote(
        "I grew up on a farm and I was homesick for soil. Now I know the names of half the people on my street. — Olamide Bakare, master’s student in public health",
      ),
      p(
        "The garden hosts a harvest supper on 5 September, open to anyone who has volunteered at least once. New volunteers are welcome any Saturday morning from 09:00; gloves and tools are provided.",
      ),
    ],
  },
  {
    title: "Tiny GPS tags follow godwits from the Halden mudflats to West Africa",
    standfirst:
      "Birds tagged on the estuary last spring flew 5,000 kilometres non-stop, and one of them made the journey in under four days.",
    topics: ["research"],
    status: "published",
    date: "2026-08-04T09:00:00Z",
    drafter: FARAH,
    reviser: HELEN,
    views: 6210,
    lead: pic(
      "mountains",
      30,
      133,
      "Godwits cross the mountains south of Halden on their autumn migration.",
      "Illustration of snow-capped mountains above green hills and a winding river, with pine trees in front and a few birds in the sky",
    ),
    body: [
      p(
        "Every spring, several thousand bar-tailed godwits stop on the mudflats of the Hald estuary to feed before continuing north to breed. Ecologists knew the birds wintered somewhere in West Africa, but until this year nobody knew which route they took or how long they spent in the air.",
      ),
      p(
        "In April, a team from the Department of Biology fitted 28 godwits with solar-powered GPS tags weighing 4.5 grams, about two per cent of a bird’s body weight. The tags report a position every two hours and send data whenever the bird passes within range of a mobile phone mast.",
      ),
      fig(
        "harbor",
        45,
        134,
        "The container port at the mouth of the Hald; the mudflats where the godwits feed in spring lie just beyond it.",
        "Illustration of a harbour with a small motor boat and sailing boats near wooden piers, container cranes and stacked containers on the quay behind",
      ),
      h2("One flight, 5,000 kilometres"),
      p(
        "By the end of July, 19 of the tagged birds had completed their southward journey. Most flew directly from their Arctic breeding grounds to the coast of Mauritania or Guinea-Bissau without stopping, a distance of around 5,000 kilometres. The fastest, an adult female the team has named _Sola_, took 3 days and 21 hours.",
      ),
      quote(
        "She did not eat, drink or land for nearly four days. When her tag reported again, she was on a beach in Guinea-Bissau, already feeding. — Dr Tobias Grünewald, who leads the project",
      ),
      fig(
        "night-sky",
        220,
        135,
        "Godwits often fly through the night, navigating by the stars and the Earth’s magnetic field.",
        "Illustration of a white observatory dome with a lit window among pine trees, under a starry night sky",
      ),
      h2("Why the estuary matters"),
      p(
        "The data show that birds which gained the most weight in Halden in spring were more likely to breed successfully. Dr Grünewald says that makes the estuary, less than two kilometres from the city centre, part of a chain of sites on which the whole population depends.",
      ),
      ul(
        "28 birds tagged in April 2026",
        "19 tracked all the way to West Africa so far",
        "Average non-stop flight: 4 days 14 hours",
        "Highest recorded altitude: 5,800 metres",
      ),
      p(
        "You can follow the birds in near real time on the [godwit tracker](https://example.edu/biology/godwits), which updates whenever new data arrive. The team hopes to tag another 30 birds when they return to the estuary next April.",
      ),
    ],
  },
  {
    title: "Buddy scheme pairs 600 incoming international students with Halden hosts",
    standfirst:
      "Current students will meet new arrivals at the station, show them the city and answer the questions nobody puts in a handbook.",
    topics: ["global-exchanges", "campus-life"],
    status: "published",
    date: "2026-08-11T13:10:00Z",
    drafter: KWAME,
    reviser: RAFAEL,
    views: 1034,
    lead: pic(
      "city",
      15,
      136,
      "Halden by night: many new students arrive on the evening trains in the week before term.",
      "Illustration of a city skyline at dusk with lit windows, reflected in the river in front of it",
    ),
    body: [
      p(
        "More than 600 international students arriving at Halden this autumn have been paired with a current student who will help them settle in. It is the largest intake yet for the university’s buddy scheme, which began in 2019 with 45 pairs.",
      ),
      p(
        "Buddies are asked to make contact before their partner arrives, meet them during their first week, and stay in touch through the first term. Many go further: last year, more than a third of pairs were still meeting regularly in the spring.",
      ),
      h2("What buddies help with"),
      ul(
        "Getting from the airport or station to student accommodation",
        "Opening a bank account and registering with a doctor",
        "Finding the cheapest supermarket and the best bakery",
        "Understanding what a seminar tutor actually expects",
      ),
      quote(
        "My buddy showed me how to buy a tram ticket and where to get proper jollof rice. Two years later, I am a buddy myself. — Chiamaka Eze, third-year economics student",
      ),
      p(
        "Buddies receive a short training session and a €40 allowance for coffee and trips. Thanks to a late surge in volunteers, the scheme still has places for about 50 more students arriving in January. Current students can sign up through the [international office](https://example.edu/global/buddies).",
      ),
    ],
  },
  {
    title: "Welcome Week 2026: what’s on for new students",
    standfirst:
      "From the river swim to the societies fair, here is the schedule for the week before teaching begins on 14 September.",
    topics: ["events", "campus-life"],
    status: "published",
    date: "2026-08-18T09:45:00Z",
    drafter: LUCIA,
    reviser: HELEN,
    views: 4587,
    lead: pic(
      "campus",
      45,
      137,
      "The main quadrangle, where the societies fair will fill 180 stalls on Wednesday.",
      "Illustration of a red-brick university hall with a central clock tower, trees on a lawn and a path with a few people walking towards it",
    ),
    body: [
      p(
        "Welcome Week runs from 7 to 11 September. Everything listed below is free for new students, and most events are open to returning students too. Bring your student card, which you can collect from the Kestrel Hall foyer from 3 September.",
      ),
      h2("Day by day"),
      ol(
        "**Monday 7 September** — Vice-Chancellor’s welcome in the Great Hall at 10:00, followed by faculty meetings and campus tours",
        "**Tuesday 8 September** — Library induction sessions every hour; evening boat trip for international students",
        "**Wednesday 9 September** — Societies and sports fair on the quadrangle, 11:00 to 16:00",
        "**Thursday 10 September** — The traditional river swim at 07:30 (lifeguards present), then study skills workshops",
        "**Friday 11 September** — Welcome concert on the quay, with food stalls from 17:00",
      ),
      p(
        "The river swim is optional and, at about 15 degrees, bracing. Participants must register in advance and complete a short swimming test at the sports centre during the week before.",
      ),
      quote(
        "Go to one thing you would never normally choose. Half of my friends I met at the chess club stall, and I cannot play chess. — Student union president Mateo Rinaldi",
      ),
      p(
        "Quiet spaces are available all week in the Aurelius Library’s ground-floor reading room for anyone who needs a break from the crowds. The full timetable, including accessible routes between venues, is on the [Welcome Week page](https://example.edu/welcome).",
      ),
    ],
  },
  {
    title: "Applications to Halden reach a record 31,400 for the autumn intake",
    standfirst:
      "Demand rose most sharply for nursing, environmental engineering and computer science, while modern languages held steady.",
    topics: ["university-news"],
    status: "published",
    date: "2026-08-25T10:00:00Z",
    drafter: KWAME,
    reviser: SAMUEL,
    views: 2018,
    lead: pic(
      "campus",
      75,
      138,
      "Kestrel Hall, home of the admissions office.",
      "Illustration of a red-brick university hall with a central clock tower, trees on a lawn and a path with a few people walking towards it",
    ),
    body: [
      p(
        "Halden University received 31,400 applications for undergraduate places starting this September, 8 per cent more than last year and the highest number in its history. About 6,200 students are expected to enrol.",
      ),
      p(
        "The biggest increases were in nursing, up 22 per cent, and environmental engineering, up 19 per cent. Computer science remains the most competitive programme, with 14 applicants for every place.",
      ),
      h2("Widening access"),
      p(
        "The share of new students who are the first in their family to attend university rose to 34 per cent, from 29 per cent in 2025. Director of Admissions Dr Priya Sharma attributes the rise partly to the university’s summer bridging course, which 410 school-leavers attended this year.",
      ),
      quote(
        "Record numbers are pleasing, but the figure I care about most is how many students arrive who thought university was not for them. — Dr Priya Sharma",
      ),
      p(
        "International applications were broadly flat at 7,900, in line with the assumptions of this year’s budget. Applications from partner countries in West Africa and South Asia rose, offsetting a fall from some European markets.",
      ),
      p(
        "Accommodation is guaranteed for all first-year students who applied by the August deadline. A small number of late applicants will be housed temporarily in a city hotel for the first two weeks of term.",
      ),
    ],
  },
  {
    title: "The Aurelius Library will stay open around the clock during term",
    standfirst:
      "After a trial during last spring’s exams, the main library will open 24 hours a day from Monday to Friday, with quiet night shifts staffed by students.",
    topics: ["campus-life"],
    status: "published",
    date: "2026-09-01T11:20:00Z",
    drafter: TOMAS,
    reviser: RAFAEL,
    views: 3390,
    lead: pic(
      "library",
      210,
      139,
      "The Aurelius Library’s main reading room, which will now stay open through the night.",
      "Illustration of a library reading room with tall bookshelves, a ladder, an arched window and a long table with reading lamps",
    ),
    body: [
      p(
        "From 14 September, the Aurelius Library will be open 24 hours a day from Monday morning until Friday night during term. On weekends it will open from 08:00 to midnight. The change follows a five-week trial during the spring exam period.",
      ),
      p(
        "During the trial, an average of 190 students used the library between midnight and 06:00, peaking at 412 in the week before the final exams. A survey of users found that two-thirds were studying at night because of daytime work or caring responsibilities, not because they had left revision late.",
      ),
      fig(
        "library",
        220,
        140,
        "The upper reading room, where the long tables can be booked for group work overnight.",
        "Illustration of a library reading room with tall bookshelves, a ladder, an arched window and a long table with reading lamps",
      ),
      p(
        "The night shifts will be staffed by a librarian and two trained student assistants. Security staff will patrol the building every hour, and a free night bus will run from the library to the main halls of residence at 01:00, 03:00 and 05:00.",
      ),
      quote(
        "Not everyone can study between nine and five. A library that closes at ten is a library that quietly excludes some of our students. — University Librarian Grace Odhiambo",
      ),
      fig(
        "city",
        230,
        141,
        "Halden after midnight, seen from the top floor of the Aurelius Library.",
        "Illustration of a city skyline at dusk with lit windows, reflected in the river in front of it",
      ),
      p(
        "The extended hours are funded from the €0.7 million set aside in this year’s budget. Services such as book borrowing and printing will be self-service overnight; the café will close at 22:00.",
      ),
    ],
  },
  {
    title: "Poet Amira El-Sayed becomes Halden’s first writer in residence",
    standfirst:
      "For two years she will teach, run public workshops and write a new collection about the harbour and the people who work on it.",
    topics: ["arts-culture", "university-news"],
    status: "published",
    date: "2026-09-08T15:00:00Z",
    drafter: AIKO,
    reviser: HELEN,
    views: 1456,
    lead: pic(
      "library",
      330,
      142,
      "The top-floor reading room of the Aurelius Library, next door to Amira El-Sayed’s new study.",
      "Illustration of a library reading room with tall bookshelves, a ladder, an arched window and a long table with reading lamps",
    ),
    body: [
      p(
        "The poet Amira El-Sayed has been appointed as Halden University’s first writer in residence. She will spend two years at the university, teaching creative writing in the School of Humanities and writing a new collection of poems.",
      ),
      p(
        "El-Sayed, who was born in Alexandria and has lived in Halden since 2012, is the author of three collections. Her most recent, _Ballast_, won the Northern Book Prize for poetry in 2024 and has been translated into seven languages.",
      ),
      quote(
        "A harbour is a place where everything arrives from somewhere else. That is also a fair description of a university, and of a poet. — Amira El-Sayed",
      ),
      h2("Workshops open to everyone"),
      p(
        "Alongside her teaching, El-Sayed will run a monthly public writing workshop in the library, free and open to anyone over 16. The first, on 1 October, is titled “Writing the work you do” and is aimed at people who have never written a poem.",
      ),
      p(
        "She also plans to spend time with dock workers, ferry crews and harbour pilots, recording conversations that will feed into the new collection. “I want to hear how people talk about the water when they are not being poetic about it,” she said.",
      ),
      p(
        "The residency is funded for two years by an endowment from the family of the late Professor Henrik Aas, who taught literature at Halden for 35 years. Workshop places can be booked through the [library events page](https://example.edu/library/events).",
      ),
    ],
  },
  {
    title: "Castle Hill Observatory asks the public to help track 2,000 flickering stars",
    standfirst:
      "A new citizen-science project invites anyone with a laptop to classify variable stars photographed by the university’s telescope.",
    topics: ["research"],
    status: "published",
    date: "2026-09-14T09:30:00Z",
    drafter: MAYA,
    reviser: RAFAEL,
    views: 3725,
    lead: pic(
      "night-sky",
      250,
      143,
      "The dome of Castle Hill Observatory under a clear autumn sky.",
      "Illustration of a white observatory dome among pine trees beneath a dense field of stars",
    ),
    body: [
      p(
        "Every clear night since 2019, the 60-centimetre telescope at Castle Hill Observatory has photographed the same patch of sky in the constellation Cygnus. The result is an archive of more than 40,000 images and the light curves of about 2,000 stars whose brightness changes over time.",
      ),
      p(
        "Astronomers at the Department of Physics now want help sorting them. Through a new website launched on Monday, volunteers are shown a star’s light curve and asked a few simple questions: does it brighten and fade regularly? Does it dip suddenly? Does it do nothing at all?",
      ),
      fig(
        "night-sky",
        270,
        144,
        "Castle Hill Observatory on a clear night; the Cygnus field it watches holds several thousand stars bright enough to measure.",
        "Illustration of a white observatory dome among pine trees under a starry sky crossed by a faint band of the Milky Way",
      ),
      h2("Looking for eclipses and surprises"),
      p(
        "Most of the stars are expected to be ordinary pulsating variables or eclipsing binaries, pairs of stars that pass in front of each other. But Dr Sunita Rao, who leads the project, hopes volunteers will also spot rare events: a planet-sized object crossing a star, or a star that dims irregularly for no known reason.",
      ),
      quote(
        "Computers are very good at finding what you tell them to look for. People are still better at noticing something that looks wrong. — Dr Sunita Rao",
      ),
      fig(
        "lecture",
        245,
        145,
        "The project’s launch evening in the Harbour Lecture Theatre, where volunteers learned how to read a light curve.",
        "Illustration of a tiered lecture theatre with a chalkboard, a screen showing a bar chart, a speaker at the front and rows of listeners",
      ),
      p(
        "Each light curve is shown to at least ten volunteers before a classification is accepted. In the first three days, more than 1,300 people took part, including a class of 14-year-olds from Halden Cathedral School who classified 900 stars in a single physics lesson.",
      ),
      p(
        "You can join at the [Flicker project website](https://example.edu/physics/flicker). The observatory also holds free public viewing evenings on the first Friday of every month, weather permitting.",
      ),
    ],
  },
  {
    title: "Geology students swap fjords for the Atlas Mountains on a joint field course",
    standfirst:
      "Halden students and their counterparts from a partner university in Marrakech spent two weeks mapping folded rock in the High Atlas.",
    topics: ["global-exchanges"],
    status: "published",
    date: "2026-09-18T14:30:00Z",
    drafter: FARAH,
    reviser: SAMUEL,
    views: 876,
    lead: pic(
      "mountains",
      20,
      146,
      "The High Atlas above the field camp, still snow-capped in spring.",
      "Illustration of snow-capped mountains above green hills and a winding river, with pine trees in front and a few birds in the sky",
    ),
    body: [
      p(
        "Geology field courses have a reputation for cold rain and midges. The sixteen students who went on Halden’s first joint course in Morocco found the opposite problem: afternoon temperatures of 34 degrees and rock so clearly exposed that every fold could be seen from across the valley.",
      ),
      p(
        "The course paired eight third-year students from Halden’s School of Earth and Environmental Sciences with eight from our partner university in Marrakech. Working in pairs, one from each university, they mapped a 12-square-kilometre area of the High Atlas over two weeks in early September.",
      ),
      fig(
        "mountains",
        35,
        147,
        "The view down the valley from the second day’s mapping area.",
        "Illustration of snow-capped mountains above green hills and a winding river, with pine trees in front and a few birds in the sky",
      ),
      p(
        "The Halden students are used to rocks hidden under vegetation and soil, which must be mapped from scattered outcrops. In the Atlas, almost nothing is hidden. “It was like reading a book where someone had finally turned on the light,” said Halden student Jakob Strand.",
      ),
      quote(
        "Our students know how to work in heat and dust. Yours know how to work with very little information. Together they produced a map better than either group would have made alone. — Professor Youssef Benali, Marrakech",
      ),
      fig(
        "night-sky",
        30,
        148,
        "On their last night the group visited the Oukaïmeden observatory, high above the valley.",
        "Illustration of a white observatory dome with a lit window among pine trees, under a starry night sky",
      ),
      p(
        "The course was funded by the Global Exchange Fund, and the Marrakech students will visit Halden next May to map the coastal cliffs north of the city. The finished Atlas map will be submitted as a joint coursework project and deposited with the Moroccan geological survey.",
      ),
    ],
  },
  {
    title: "Science Night invites the city into 30 labs after dark",
    standfirst:
      "On Friday 2 October, researchers will open their doors from 17:00 to 23:00 with experiments, talks and a silent disco powered by bicycles.",
    topics: ["events", "research"],
    status: "published",
    date: "2026-09-24T10:30:00Z",
    drafter: TOMAS,
    reviser: HELEN,
    views: 2961,
    lead: pic(
      "lab",
      300,
      149,
      "A chemistry lab set up for a Science Night demonstration.",
      "Illustration of a laboratory bench with coloured liquids in round and conical flasks below a shelf of bottles",
    ),
    body: [
      p(
        "Halden’s annual Science Night returns on Friday 2 October, when 30 laboratories across the Harbour Campus open to the public from 17:00 to 23:00. Last year’s event attracted 8,200 visitors, and organisers expect more this time.",
      ),
      p(
        "All activities are free and suitable for families until 20:00. After that, the programme shifts to adults, with short talks in the Harbour Lecture Theatre and a late-night bar in the atrium of the Earth Sciences building.",
      ),
      h2("Five things not to miss"),
      ul(
        "Touch a 200-year-old mud core from the river bed in the sediment lab",
        "Build a sodium battery from kitchen ingredients with the chemistry team",
        "Watch live GPS tracks of migrating godwits on the biology video wall",
        "Try to stay awake during a sleep-lab brainwave demonstration",
        "Dance at the silent disco, powered by 20 exercise bikes",
      ),
      p(
        "If the sky is clear, Castle Hill Observatory will open its telescope to visitors from 20:00. A shuttle bus will run every 20 minutes between the observatory and the Harbour Campus.",
      ),
      quote(
        "Science Night is the one evening when you can walk into a lab and ask the scientist what they are actually doing. Most of them are delighted to tell you.",
      ),
      p(
        "No tickets are needed, but some hands-on workshops have limited places and can be booked on the [Science Night page](https://example.edu/science-night) from 28 September. Volunteers in orange bibs will be on hand all evening to help with directions.",
      ),
    ],
  },
  {
    title: "Nine lecturers honoured in this year’s Excellence in Teaching Awards",
    standfirst:
      "Students nominated a record 612 teachers. The winners include a statistics lecturer who turned her course into a murder mystery.",
    topics: ["university-news"],
    status: "published",
    date: "2026-10-01T13:45:00Z",
    drafter: MAYA,
    reviser: RAFAEL,
    views: 1789,
    lead: pic(
      "lecture",
      50,
      150,
      "A lecture in the Harbour Lecture Theatre: students nominated this year’s winners.",
      "Illustration of a tiered lecture theatre with a chalkboard, a screen showing a bar chart, a speaker at the front and rows of listeners",
    ),
    body: [
      p(
        "Nine members of staff received Excellence in Teaching Awards at a ceremony in the Great Hall on Wednesday. The awards, now in their twelfth year, are decided by a panel of students and staff from nominations submitted by students alone.",
      ),
      p(
        "This year’s nominations reached a record 612, up from 470 last year. Each winner receives €3,000 to spend on developing their teaching, and their names are added to the honours board outside the Provost’s office.",
      ),
      h2("This year’s winners"),
      ul(
        "**Dr Clara Haugen**, Statistics — for “The Case of the Missing Mean”, a term-long murder mystery solved with data",
        "**Professor Femi Oladipo**, Civil Engineering — for bringing flood-defence projects from industry into the classroom",
        "**Dr Ingrid Moe**, Nursing — for simulation training built with patients and carers",
        "**Dr Arjun Mehta**, Computer Science — for a programming course that halved its failure rate",
        "**Dr Lotte Berg**, History — for taking seminars into the city archives",
        "**Mr Pieter de Wit**, Chemistry technician — for laboratory safety teaching that students actually remember",
        "**Dr Yasmin Osei**, Law — for a free legal clinic run by students",
        "**Professor Astrid Nygaard**, Music — for the chamber music mentoring scheme",
        "**Dr Samir Haddou**, Modern Languages — for online conversation exchanges with partner universities",
      ),
      quote(
        "I used to tell my students that statistics is about solving mysteries. Eventually, I decided to stop saying it and give them one. — Dr Clara Haugen",
      ),
      p(
        "For the first time, the awards included a category for technical staff. Pieter de Wit, who has worked in the chemistry teaching labs for 22 years, was nominated by 48 students, several of whom described his safety briefings as “the only lecture I can still recite”.",
      ),
      p(
        "Nominations for next year’s awards open in March. Read more about the winners on the [Teaching Academy website](https://example.edu/teaching/awards-2026).",
      ),
    ],
  },
  {
    title: "Counselling service opens drop-in hours and halves waiting times",
    standfirst:
      "Students can now see a counsellor the same day without an appointment, after the service hired six new staff over the summer.",
    topics: ["campus-life"],
    status: "published",
    date: "2026-10-06T10:10:00Z",
    drafter: LUCIA,
    reviser: SAMUEL,
    views: 2354,
    lead: pic(
      "garden",
      160,
      151,
      "The garden behind the Wellbeing Centre on Ferry Road, with its glasshouse, is open to anyone waiting for an appointment.",
      "Illustration of a glasshouse at the end of a path lined with flowerbeds, with trees on either side",
    ),
    body: [
      p(
        "Students at Halden can now see a counsellor on the same day, without booking, at drop-in sessions held every weekday afternoon at the Wellbeing Centre on Ferry Road. The change has cut the average wait for a first conversation from 16 days last spring to under a week for booked appointments, and to zero for drop-ins.",
      ),
      p(
        "Over the summer the service recruited six additional counsellors, including two who work in Arabic, French and Portuguese, and a specialist in eating disorders. The expansion was funded by reallocating part of the budget previously spent on external referrals.",
      ),
      h2("How the drop-in works"),
      ol(
        "Arrive at the Wellbeing Centre between 13:00 and 16:00, Monday to Friday.",
        "Give your first name at reception; no student number or reason is required.",
        "Wait in the quiet room or the garden; most students are seen within 40 minutes.",
        "Spend up to 30 minutes with a counsellor, who can arrange follow-up sessions if you wish.",
      ),
      quote(
        "The hardest step is often the door. We wanted to make that step as small as possible. — Dr Hassan Karimi, Head of Counselling",
      ),
      p(
        "In the first three weeks of term, 286 students used the drop-in sessions. Dr Karimi says around a third needed only that single conversation. Students in crisis outside opening hours should call the 24-hour support line printed on the back of every student card.",
      ),
    ],
  },
  {
    title: "Harbour mussels carry fewer microplastics than a decade ago, survey finds",
    standfirst:
      "Marine biologists counted plastic fragments in 1,200 mussels and found levels down by almost half since the city banned single-use bags.",
    topics: ["research"],
    status: "published",
    date: "2026-10-12T09:00:00Z",
    drafter: FARAH,
    reviser: HELEN,
    views: 4218,
    lead: pic(
      "harbor",
      190,
      152,
      "The inner harbour by the container terminal, one of the sites where mussels were sampled.",
      "Illustration of a harbour with a small motor boat and sailing boats near wooden piers, container cranes and stacked containers on the quay behind",
    ),
    body: [
      p(
        "Mussels in Halden harbour contain roughly half as many microplastic particles as they did ten years ago, according to a survey by the Harbour Campus marine station. The findings, published in _Marine Pollution Notes_, suggest that local measures to reduce plastic waste are having a measurable effect.",
      ),
      p(
        "The team collected 1,200 blue mussels from twelve sites between March and June this year and compared them with samples taken at the same sites in 2016. Mussels filter large volumes of water and keep some of what they take in, which makes them useful natural monitors.",
      ),
      fig(
        "microscope",
        185,
        153,
        "Mussel gill cells under the microscope: the team also checked the tissue for damage.",
        "Illustration of a microscope beside a magnified circular view of oval cells, each with a dark nucleus",
      ),
      h2("Fibres remain the biggest problem"),
      p(
        "Average counts fell from 3.1 particles per gram of tissue in 2016 to 1.7 this year. The biggest drop was in fragments of thin film, the kind that comes from bags and wrapping. Fibres, most of which come from synthetic clothing through washing-machine waste water, fell only slightly and now make up 72 per cent of all particles found.",
      ),
      quote(
        "The city banned the bags, and the bags went down. Nobody has banned fleece jackets, and the fibres are still there. The data are unusually clear. — Dr Leila Nasser, marine station director",
      ),
      fig(
        "lab",
        175,
        154,
        "The laboratory where Mikkel Dahl prepares the mussel samples for analysis.",
        "Illustration of a laboratory bench with flasks, beakers and racks of test tubes below a window and a shelf of bottles",
      ),
      p(
        "The team worked in a specially cleaned laboratory and wore cotton clothing to avoid contaminating their own samples. Every batch was processed alongside blank controls to measure any plastic that entered from the air.",
      ),
      p(
        "The city’s environment committee will discuss the results in November, including a proposal to fit filters at the two municipal wastewater plants. The full data set is available from the [marine station](https://example.edu/marine-station/mussels).",
      ),
    ],
  },
  {
    title: "Theatre society turns the old tram depot into a stage for “The Ferryman’s Daughter”",
    standfirst:
      "Halden Student Theatre’s autumn production uses the depot’s rails, pits and a restored 1928 tram car as its set.",
    topics: ["arts-culture"],
    status: "published",
    date: "2026-10-16T16:00:00Z",
    drafter: AIKO,
    reviser: RAFAEL,
    views: 1187,
    lead: pic(
      "concert",
      0,
      155,
      "A concert in the old tram depot last spring, before the theatre society took it over for the play.",
      "Illustration of a band with guitars and a drum kit on a stage under coloured spotlights, with the audience in silhouette in front",
    ),
    body: [
      p(
        "The tram depot on Mill Street has not seen a passenger since 1974. For two weeks this month it becomes a theatre, as Halden Student Theatre stages “The Ferryman’s Daughter”, a new play by third-year drama student Rasmus Eklund.",
      ),
      p(
        "The play follows a family who ran the last rowing ferry across the Hald before the first bridge was built in 1889. Eklund researched it in the city archives, where he found the ferry licence and a petition signed by 212 residents asking for the ferry to be kept.",
      ),
      fig(
        "concert",
        15,
        156,
        "Students tested the depot’s new stage lights with a band’s sound check before rehearsals began.",
        "Illustration of a band with guitars and a drum kit on a stage under coloured spotlights, with the audience in silhouette in front",
      ),
      p(
        "Director Chloé Martin has staged the play in promenade style, with the audience following the actors along the rails from scene to scene. The climax takes place inside and around a restored 1928 tram car, borrowed from the city transport museum.",
      ),
      quote(
        "A building like this is a character in its own right. We tried to write it into the play rather than hide it. — Director Chloé Martin",
      ),
      fig(
        "city",
        20,
        157,
        "The city at dusk, seen from the old tram depot on Mill Street.",
        "Illustration of a city skyline at dusk with lit windows, reflected in the river in front of it",
      ),
      p(
        "Performances run from 20 to 31 October at 19:30, with matinées on both Saturdays. Because the audience stands for most of the 95-minute performance, a limited number of seated tickets are available for those who need them. Tickets are €10, or €6 for students, from the [theatre society](https://example.edu/union/theatre).",
      ),
    ],
  },
  {
    title: "The language café where 31 languages share one long table",
    standfirst:
      "Every Thursday, students and staff swap conversation in each other’s mother tongues. Some come to practise; most come for the company.",
    topics: ["global-exchanges", "campus-life"],
    status: "published",
    date: "2026-10-22T12:30:00Z",
    drafter: KWAME,
    reviser: HELEN,
    views: 742,
    lead: pic(
      "library",
      20,
      158,
      "The language café meets at the long table in the Aurelius Library, under the reading room’s arched window.",
      "Illustration of a library reading room with tall bookshelves, a ladder, an arched window and a long table with reading lamps",
    ),
    body: [
      p(
        "At 17:00 every Thursday, the café on the ground floor of the Aurelius Library fills up with small flags. Each table has one: Japanese, Yoruba, Polish, Portuguese, Tamil. Anyone can sit at any table, and the rule is simple: speak the language on the flag for half an hour, then switch.",
      ),
      p(
        "The language café was started in 2022 by Dr Samir Haddou of the Department of Modern Languages, who wanted his students to practise with native speakers outside the classroom. It now draws 120 people on a typical evening, and organisers counted 31 languages at one session this month.",
      ),
      quote(
        "I came to practise my Spanish. I stayed because an exchange student from Seoul taught me how to make kimchi, and I taught him how to complain about the weather in Halden dialect. — Emil Johansen, second-year law student",
      ),
      p(
        "For international students, the café is also a way to meet local people. A survey by the international office last year found that students who attended at least three times were more likely to say they had a close friend born in Halden.",
      ),
      ul(
        "Thursdays, 17:00 to 19:00, Aurelius Library café",
        "No sign-up, no fee, no level required",
        "Bring a flag for a language that is missing",
      ),
      p(
        "The café is looking for speakers of Icelandic, Swahili and Vietnamese, which students have asked for but nobody has yet offered. Volunteers can contact the [Modern Languages office](https://example.edu/languages/cafe).",
      ),
    ],
  },
  {
    title: "Alumni Weekend brings 1,500 graduates home, including the class of 1976",
    standfirst:
      "Former students return for lectures, reunion dinners and a rowing race against the current boat club.",
    topics: ["events", "university-news"],
    status: "published",
    date: "2026-10-28T11:00:00Z",
    drafter: TOMAS,
    reviser: SAMUEL,
    views: 1614,
    lead: pic(
      "campus",
      35,
      159,
      "Kestrel Hall and the main quadrangle, where graduates gathered for the Alumni Weekend welcome.",
      "Illustration of a red-brick university hall with a central clock tower, trees on a lawn and a path with a few people walking towards it",
    ),
    body: [
      p(
        "More than 1,500 graduates are expected in Halden for Alumni Weekend from 6 to 8 November, the largest reunion the university has hosted. The oldest confirmed guest, a 1958 graduate in chemistry, will be 91 on the Saturday.",
      ),
      p(
        "The weekend includes a programme of short lectures by current researchers, tours of the new Riverside Science Building site and reunion dinners for the classes of 1976, 1986, 2001 and 2016. The class of 1976 has raised €48,000 to fund a scholarship in its name.",
      ),
      h2("The rowing challenge"),
      p(
        "The highlight for many will be Saturday morning’s race on the river, in which an eight of alumni rowers, average age 54, take on the current university crew over 500 metres. The alumni have been given a 15-second head start, which they negotiated themselves.",
      ),
      quote(
        "We have experience, cunning and a head start. They have youth, fitness and technique. I think it will be close. — Alumni crew captain Bjørn Eriksen, class of 1986",
      ),
      p(
        "Alumni who cannot attend can watch the Vice-Chancellor’s address live online on Saturday at 14:00. Registration for events closes on 2 November through the [alumni office](https://example.edu/alumni/weekend).",
      ),
    ],
  },
  {
    title: "River-water heat pumps now warm the whole Harbour Campus",
    standfirst:
      "The university has switched off its last gas boiler on the waterfront. The Hald now supplies the heat for eleven buildings.",
    topics: ["university-news"],
    status: "published",
    date: "2026-11-03T09:20:00Z",
    drafter: MAYA,
    reviser: HELEN,
    views: 2587,
    lead: pic(
      "harbor",
      210,
      160,
      "The harbour beside the campus: the river water that heats the buildings is drawn in below the quay.",
      "Illustration of a harbour with a small motor boat and sailing boats near wooden piers, container cranes and stacked containers on the quay behind",
    ),
    body: [
      p(
        "At 10:00 on Monday, estates engineers shut down the last gas boiler on the Harbour Campus. From now on, all eleven buildings on the waterfront are heated by three large heat pumps that draw their warmth from the river Hald.",
      ),
      p(
        "Even in January, the river rarely falls below four degrees. The heat pumps extract energy from the water and raise it to 65 degrees for the campus heating network, using about one unit of electricity for every three units of heat delivered.",
      ),
      fig(
        "lab",
        200,
        161,
        "The Earth Sciences laboratories, among the first rooms heated by the new system.",
        "Illustration of a laboratory bench with flasks, beakers and racks of test tubes below a window and a shelf of bottles",
      ),
      h2("The numbers"),
      ul(
        "Cost: €14.6 million, including €5.2 million from the national climate fund",
        "Expected saving: 3,800 tonnes of carbon dioxide a year",
        "Heat delivered: 21 gigawatt-hours a year",
        "Water returned to the river: about 3 degrees cooler, well within environmental limits",
      ),
      quote(
        "The river has carried this city’s goods and waste for centuries. It seems fair that it should now keep us warm. — Lars Henning, Director of Estates",
      ),
      hr,
      h2("How it works"),
      p(
        "River water is pumped through a filter at the intake building on the quay and into a heat exchanger, where it warms a closed loop of refrigerant. The heat pumps compress that refrigerant to raise its temperature, then pass the heat into the campus network. The river water itself never enters the buildings.",
      ),
      fig(
        "harbor",
        225,
        162,
        "Cooled water returns to the Hald at the harbour, a few degrees colder than it came in.",
        "Illustration of a harbour with a small motor boat and sailing boats near wooden piers, container cranes and stacked containers on the quay behind",
      ),
      p(
        "Ecologists from the marine station monitored fish and invertebrates around the intake for a year before the system was built and will continue to do so. The main campus on Castle Hill, which is too far from the river, will move to ground-source heat pumps by 2030.",
      ),
    ],
  },
  {
    title: "Choir and orchestra join forces for Brahms’s German Requiem",
    standfirst:
      "Two hundred student and staff musicians will perform in Halden Cathedral on 12 December, the largest concert in the School of Music’s history.",
    topics: ["arts-culture", "events"],
    status: "published",
    date: "2026-11-09T14:00:00Z",
    drafter: AIKO,
    reviser: RAFAEL,
    views: 938,
    lead: pic(
      "concert",
      45,
      163,
      "The Great Hall’s stage, here set for a student band night, will be extended to hold 180 singers and the orchestra.",
      "Illustration of a band with guitars and a drum kit on a stage under coloured spotlights, with the audience in silhouette in front",
    ),
    body: [
      p(
        "The University Chorus, the Chamber Choir and the Halden University Symphony Orchestra will perform Brahms’s _Ein deutsches Requiem_ in Halden Cathedral on Saturday 12 December. With 140 singers and 62 players, it is the largest concert the School of Music has ever staged.",
      ),
      p(
        "Rehearsals began in September. About half of the singers are not music students: the chorus includes engineers, nurses, a professor of tax law and several members of the estates team. Soloists are soprano Marianne Lund, a former Halden student now at the national opera, and baritone Kenji Watanabe of the School of Music.",
      ),
      quote(
        "Brahms wrote a requiem for the living, not the dead. It is about comfort. In a dark month, that felt like the right thing to offer the city. — Professor Astrid Nygaard, conductor",
      ),
      p(
        "The cathedral holds 1,100 people. Tickets cost €20, €8 for students, and are free for anyone under 18. A relaxed performance of the first three movements, with shorter duration and house lights partly up, will be held at 15:00 on the same day for families and for people who find full-length concerts difficult.",
      ),
      p(
        "Tickets are available from the [School of Music box office](https://example.edu/music/requiem) and at the cathedral door on the night. The concert will also be broadcast live on the city’s community radio station.",
      ),
    ],
  },
  {
    title: "Winter bike clinic fits 1,200 free lights before the clocks go dark",
    standfirst:
      "Volunteers and campus security spent a week fixing brakes, lights and chains, as the university tries to cut winter cycling accidents.",
    topics: ["campus-life"],
    status: "published",
    date: "2026-11-13T15:15:00Z",
    drafter: LUCIA,
    reviser: SAMUEL,
    views: 612,
    lead: pic(
      "city",
      210,
      164,
      "The lights of the city at dusk: by mid-November most students cycle home in the dark.",
      "Illustration of a city skyline at dusk with lit windows, reflected in the river in front of it",
    ),
    body: [
      p(
        "In the week before the November darkness really sets in, the university’s winter bike clinic fitted 1,200 sets of free front and rear lights and checked the brakes on almost 900 bicycles. Queues stretched along the quadrangle on Tuesday morning.",
      ),
      p(
        "The clinic is run each year by campus security together with volunteers from the Old Boathouse repair café. It began in 2021, after a winter in which 23 students were injured in cycling accidents on the roads around campus, most of them after dark.",
      ),
      p(
        "Last winter, recorded accidents fell to nine. Campus security manager Ruth Amundsen says lights are only part of the reason: the city also added a protected cycle lane on Ferry Road in 2024. “But a bike without lights in November is nearly invisible,” she said.",
      ),
      h2("Tips for winter cycling"),
      ul(
        "Check your lights every evening; rechargeable lights fade without warning in the cold.",
        "Lower your tyre pressure slightly for better grip on wet leaves.",
        "Give tram rails a wide berth, and cross them at as close to a right angle as you can.",
        "Leave more time: braking distances can double on icy surfaces.",
      ),
      p(
        "Anyone who missed the clinic can collect free lights from the security desk in Kestrel Hall until stocks run out. Bike repairs continue every Wednesday evening at the [repair café](https://example.edu/union/repair-cafe).",
      ),
    ],
  },
  {
    title: "Measuring the snow that feeds Halden’s spring floods",
    standfirst:
      "Hydrologists have installed twelve automatic snow stations in the hills above the river, hoping to give the city a week’s more warning of high water.",
    topics: ["research"],
    status: "published",
    date: "2026-11-18T10:00:00Z",
    drafter: MAYA,
    reviser: RAFAEL,
    views: 418,
    lead: pic(
      "mountains",
      205,
      165,
      "The upper Hald valley after the first snowfall of the season.",
      "Illustration of snow-capped mountains above green hills and a winding river, with pine trees in front and a few birds in the sky",
    ),
    body: [
      p(
        "Most of the water that floods the lower Hald in spring fell as snow in the hills months earlier. How much water that snow holds, and how fast it melts, decides whether the city’s quays stay dry. Until now, forecasters have had to estimate it from a handful of weather stations in the valleys.",
      ),
      p(
        "This autumn, a team from the School of Earth and Environmental Sciences installed twelve automatic snow stations at altitudes between 600 and 1,400 metres. Each station measures snow depth with an ultrasonic sensor and the weight of water in the snowpack with a pressure pillow, a flat bag of antifreeze that the snow settles on.",
      ),
      fig(
        "mountains",
        190,
        166,
        "The upper Hald valley, where the snow stations stand at 1,100 metres on the slopes below the peaks.",
        "Illustration of snow-capped mountains above green hills and a winding river, with pine trees in front and a few birds in the sky",
      ),
      h2("A week’s warning"),
      p(
        "Dr Henrik Solvang, who leads the project, hopes the stations will allow the city’s flood forecasts to look seven to ten days further ahead. In 2023, the spring flood reached the ground floor of the Old Boathouse with only three days’ warning.",
      ),
      quote(
        "The flood is already sitting in the hills in February. We just have not been able to weigh it. — Dr Henrik Solvang",
      ),
      fig(
        "night-sky",
        200,
        167,
        "Readings arrive by satellite every hour, day and night; the receiving station sits beside Castle Hill Observatory.",
        "Illustration of a white observatory dome with a lit window among pine trees, under a starry night sky",
      ),
      p(
        "The stations were carried into position by students and staff on foot and by snowmobile in October. The data will be shared openly with the national weather service and published on a [public dashboard](https://example.edu/earth-sciences/snow) from December.",
      ),
    ],
  },
  {
    title: "Winter Lights: student installations will glow along the harbour for a week",
    standfirst:
      "Fourteen light artworks by design and engineering students will line the waterfront from 30 November, ending with a lantern walk.",
    topics: ["events", "arts-culture"],
    status: "published",
    date: "2026-11-23T09:10:00Z",
    drafter: TOMAS,
    reviser: HELEN,
    views: 156,
    lead: pic(
      "harbor",
      280,
      168,
      "The north quay by day, where the installations will stand from Monday.",
      "Illustration of a harbour with a small motor boat and sailing boats near wooden piers, container cranes and stacked containers on the quay behind",
    ),
    body: [
      p(
        "From 30 November to 6 December, the path along Halden harbour will be lit by 14 installations created by students from the School of Design and the Faculty of Engineering. The Winter Lights trail is 1.8 kilometres long and runs from the ferry terminal to the Old Boathouse.",
      ),
      p(
        "The works range from the playful to the scientific. One installation changes colour with the tide, using data from the harbour’s water-level gauge. Another, built by two chemistry students, glows with light produced by bioluminescent algae grown in the marine station.",
      ),
      fig(
        "city",
        290,
        169,
        "The harbour front after dark, where “Tidewatch” will shift from blue to amber as the water rises.",
        "Illustration of a city skyline at dusk with lit windows, reflected in the river in front of it",
      ),
      p(
        "All installations run on renewable electricity, and most use less power than a household kettle. The students worked with the city’s lighting engineers to make sure the trail is safe for pedestrians and does not disturb birds roosting on the estuary.",
      ),
      quote(
        "In December we get about six hours of daylight. We wanted to give people a reason to walk along the water in the dark. — Ida Sørensen, project lead and third-year design student",
      ),
      hr,
      p(
        "The week ends on Sunday 6 December with a lantern walk starting at the ferry terminal at 17:00. Lanterns can be made at free workshops in the library on 2 and 3 December. Find the trail map on the [Winter Lights page](https://example.edu/events/winter-lights).",
      ),
    ],
  },

  // ─────────────────────── In the newsroom (not published) ───────────────────────
  {
    title: "Microbes that live inside harbour ice could help clean up oil spills",
    standfirst:
      "Bacteria collected from sea ice in Halden harbour can break down diesel at temperatures just above freezing, a pilot study suggests.",
    topics: ["research"],
    status: "draft",
    date: "2026-11-24T10:05:00Z",
    drafter: MAYA,
    lead: pic(
      "microscope",
      160,
      170,
      "Cells from a sample of harbour ice under the microscope.",
      "Illustration of a microscope beside a magnified circular view of pale cells with dark centres",
    ),
    body: [
      p(
        "When the inner harbour froze for three weeks last February, microbiologist Dr Nadia Petrova went out with an ice drill. Back in the lab, she and her students grew more than 300 strains of bacteria from the cores.",
      ),
      p(
        "Twelve of those strains can break down diesel fuel at two degrees Celsius, temperatures at which most oil-eating bacteria become sluggish. The best performers removed 60 per cent of the diesel in a test flask within 30 days.",
      ),
      h2("Still early days"),
      p(
        "Dr Petrova stresses that the work is at an early stage. The next step is to test whether the bacteria work in real seawater with its mix of other microbes, and whether adding nutrients speeds them up without causing algal blooms.",
      ),
      quote(
        "Cold harbours are where spills are hardest to clean up. It is encouraging that the answer may already be living in the ice. — Dr Nadia Petrova",
      ),
      p(
        "[TO CHECK: journal name and publication date with Dr Petrova.] [TO CHECK: do we have a second photo from the ice-drilling trip?]",
      ),
    ],
  },
  {
    title: "Campus cafés switch to deposit cups from January",
    standfirst:
      "Disposable cups will disappear from all seven university cafés, replaced by a €1 deposit cup that can be returned anywhere on campus.",
    topics: ["campus-life"],
    status: "draft",
    date: "2026-11-25T14:40:00Z",
    drafter: TOMAS,
    lead: pic(
      "library",
      30,
      171,
      "The Aurelius Library, whose café is one of seven outlets that will switch to deposit cups.",
      "Illustration of a library reading room with tall bookshelves, a ladder, an arched window and a long table with reading lamps",
    ),
    body: [
      p(
        "From 11 January, the university’s seven cafés will stop selling drinks in disposable cups. Instead, customers will pay a €1 deposit for a sturdy reusable cup, which they can return to any café or to one of twelve collection bins across both campuses.",
      ),
      p(
        "The university’s cafés currently use about 410,000 disposable cups a year. A trial at the library café in October cut cup waste there by 80 per cent, according to catering manager Jonas Ekberg.",
      ),
      ul(
        "Deposit: €1, refunded in cash or to your student card",
        "Return points: all cafés plus 12 bins",
        "Bring your own cup: still welcome, and 20 cents off every hot drink",
      ),
      p(
        "Quote from the student union sustainability officer to follow. Maya is chasing it and expects it by Friday.",
      ),
      p(
        "The cups are washed centrally in the main kitchen in Kestrel Hall and can be reused around 500 times before being recycled. Lost or damaged cups can be replaced at any café for the price of the deposit.",
      ),
    ],
  },
  {
    title: "Exhibition: five centuries of Halden on maps",
    standfirst:
      "The library’s winter exhibition shows how the city and its harbour have been drawn, surveyed and imagined since 1540.",
    topics: ["arts-culture"],
    status: "draft",
    date: "2026-11-26T11:25:00Z",
    drafter: AIKO,
    lead: pic(
      "library",
      45,
      172,
      "The Aurelius Library’s map room, where 40 maps will be on display.",
      "Illustration of a library reading room with tall bookshelves, a ladder, an arched window and a long table with reading lamps",
    ),
    body: [
      p(
        "The oldest map in the Aurelius Library’s winter exhibition shows Halden as a cluster of 30 houses around a wooden church, with a sea monster swimming in the harbour. The newest is a laser survey of the river bed made by the university’s earth scientists last year.",
      ),
      p(
        "“Drawn Water: Halden on Maps, 1540–2026” brings together 40 maps, charts and plans from the library’s special collections and the city archives. Many have never been displayed before.",
      ),
      p(
        "Curator Dr Lotte Berg says the maps show how the harbour has grown. Between 1688 and 1930, about a third of the old shoreline was filled in to build quays, warehouses and the railway.",
      ),
      quote(
        "Every map is an argument about what matters. The old ones put the church in the middle; the newer ones put the docks there.",
      ),
      p(
        "Opening date and hours to confirm with the library. It is likely to run from mid-December to March.",
      ),
    ],
  },
  {
    title: "Halden and Busan sign a five-year partnership on ports and shipping",
    standfirst:
      "The agreement will fund 40 student exchanges a year and joint research on cleaner fuels for ferries and container ships.",
    topics: ["global-exchanges", "university-news"],
    status: "in_review",
    date: "2026-11-19T13:00:00Z",
    drafter: KWAME,
    lead: pic(
      "harbor",
      195,
      173,
      "Container cranes in Busan’s port, one of the busiest in the world.",
      "Illustration of tall container cranes and stacked containers on a quay, with a small boat and a sailing boat in the harbour",
    ),
    body: [
      p(
        "Halden University has signed a five-year partnership agreement with a maritime university in Busan, South Korea. The agreement was signed in Halden on Tuesday by the Vice-Chancellor, Professor Elena Voss, and a visiting delegation of eight staff from Busan.",
      ),
      p(
        "Under the agreement, up to 20 students from each university will spend a semester at the other every year, starting in autumn 2027. Teaching will be in English, and the university will offer introductory Korean classes to Halden students before departure.",
      ),
      h2("Research on cleaner shipping"),
      p(
        "The two universities will also co-fund four doctoral projects on low-carbon fuels for ships, including ammonia and methanol engines and the battery-electric ferries that Halden’s city council plans to introduce in 2029. Each project will have one supervisor in each city, and doctoral students will spend at least six months abroad.",
      ),
      quote(
        "Busan and Halden are very different in size, but they face the same question: how does a port city keep its ships moving and its air clean? — Professor Kofi Asante-Berg, Provost",
      ),
      p(
        "Students interested in the first exchange can attend an information session on 4 December in the Harbour Lecture Theatre. Applications will open in February through the Office for Global Partnerships.",
      ),
    ],
  },
  {
    title: "Winter graduation: what graduates and guests need to know",
    standfirst:
      "About 1,900 students will graduate in six ceremonies in the Great Hall from 14 to 16 December.",
    topics: ["events"],
    status: "in_review",
    date: "2026-11-20T09:35:00Z",
    drafter: MAYA,
    lead: pic(
      "lecture",
      0,
      174,
      "Graduates attend a briefing in the Harbour Lecture Theatre on the morning of the ceremony.",
      "Illustration of a tiered lecture theatre with a chalkboard, a screen showing a bar chart, a speaker at the front and rows of listeners",
    ),
    body: [
      p(
        "Winter graduation takes place from Monday 14 to Wednesday 16 December, with two ceremonies a day in the Great Hall. Around 1,900 students are expected to graduate, most of them from master’s programmes that finished in the summer.",
      ),
      h2("Before the day"),
      ol(
        "Confirm your attendance in the student portal by 27 November.",
        "Order your gown from the official supplier; collection is in Kestrel Hall from 09:00 on the day.",
        "Each graduate may bring up to three guests. Guest tickets are sent by e-mail a week before.",
      ),
      p(
        "Ceremonies last about 90 minutes. Doors open 45 minutes before the start, and guests should be seated 15 minutes before. Every ceremony will be streamed live for family and friends who cannot travel.",
      ),
      p(
        "Step-free access is available through the north entrance, and British Sign Language interpretation can be booked in advance. A reception with coffee and cake follows each ceremony in the Kestrel Hall atrium.",
      ),
      p(
        "Full details are on the [graduation pages](https://example.edu/graduation/winter-2026). Questions can be sent to the graduation team until 11 December.",
      ),
    ],
  },
  {
    title: "Research grant income rises to €96 million, with a record year for the humanities",
    standfirst:
      "Halden researchers won more external funding than ever in 2025–26, led by engineering and medicine, while humanities income doubled.",
    topics: ["university-news", "research"],
    status: "changes_requested",
    date: "2026-11-17T15:50:00Z",
    drafter: TOMAS,
    reviser: HELEN,
    reviewComment:
      "Strong story. Before it goes out: give the humanities figure in euros, not only “doubled”, and check the engineering total against the Research Office’s annual report.",
    lead: pic(
      "campus",
      260,
      175,
      "Kestrel Hall, home of the Research Office, on a clear November morning.",
      "Illustration of a red-brick university hall with a central clock tower, trees on a lawn and a path with a few people walking towards it",
    ),
    body: [
      p(
        "Halden University researchers secured €96 million in external research funding in the 2025–26 financial year, up from €81 million the year before. It is the highest figure in the university’s history.",
      ),
      p(
        "Engineering and medicine together accounted for more than half of the total. The fastest growth came in the humanities, where income doubled to €6.4 million, helped by the imaging of the Halden Psalter and a large grant for the city archives project.",
      ),
      p(
        "The success rate for grant applications rose to 31 per cent, compared with a national average of about 22 per cent. Early-career researchers were particularly successful, winning 14 of the 38 fellowships awarded nationally.",
      ),
      quote(
        "These are not just numbers. Every grant is a team that can keep working, and often a young researcher who can stay in Halden. — Pro-Vice-Chancellor for Research",
      ),
      p(
        "The full breakdown by faculty will be published in the annual research report in January. The report will also list every grant above €250,000.",
      ),
    ],
  },
];
