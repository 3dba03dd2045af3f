namespace Observatory.Analysis.Sentiment.Lexicon;

/// <summary>
/// General English valences, written by the team for this engine (not copied from a published lexicon). Scale −4..+4
/// like VADER's: ±0.5 barely tinted, ±2 clearly, ±3 strongly, ±4 extreme. Format of every line (parsed once by
/// <see cref="SentimentLexicon"/>): a valence, then words. <c>stem{a,b,}</c> expands to stem+a, stem+b and stem (an
/// empty alternative is the bare stem); <c>_</c> joins the words of a multi-word phrase; a valence written <c>~1.5</c> marks the
/// line's words latent: they only count when negated ("doesn't work"). Lines starting with <c>#</c> are comments.
/// </summary>
internal static partial class SentimentLexiconData
{
    /// <summary>Every block of word data, in the order they are read (the first definition of a form wins).</summary>
    public static readonly string[] Blocks = [GeneralNegative, GeneralPositive, Descriptive, Conversation];

    public const string GeneralNegative = """
        # Hatred, disgust, horror
        -3.6 hate{,s,d} hating hateful hatred loathe{,s,d} loathing despise{,s,d} despising detest{,s,ed,ing,able}
        -3.6 abhor{,s,red,rent,rence} abominable atrocious atrocit{y,ies} monstrous heinous evil{,s} wicked{,ness}
        -3.4 awful{,ly,ness} horrible horribly horrid horrendous{,ly} dreadful{,ly} appalling{,ly} abysmal{,ly}
        -3.3 disgust{,ed,ing,ingly,s} revolting repulsive repugnant vile vileness hideous{,ly} gross{,ly} nauseating sickening{,ly}
        -3.2 terrible terribly horror{,s} horrific{,ally} horrified horrifying{,ly} nightmare{,s} nightmarish catastrophe{,s} catastrophic{,ally}
        -3.2 disaster{,s} disastrous{,ly} tragic{,ally} traged{y,ies} devastat{e,ed,es,ing,ingly,ion} ruin{,s,ed,ing,ous}
        -1.2 kill{,s,ed,ing}
        -3.0 worst pathetic{,ally} miserable misery miseries wretched despair{,ed,ing,s} despondent hopeless{,ly,ness} agony agonizing agonising anguish{,ed}
        -3.0 furious{,ly} fury enrag{e,ed,es,ing} rage{,s} raging livid outrage{,d,s} outrageous{,ly} infuriat{e,ed,es,ing,ingly} irate
        -3.0 murder{,s,ed,er,ers,ing,ous} slaughter{,ed} massacre{,d} genocide rape{,d} raping torture{,d,s} torturing
        -3.0 abuse{,d,s} abusing abusive{,ly} cruel{,ly,ty} brutal{,ly,ity} violent{,ly} violence vicious{,ly}
        -2.8 scam{,s,med,mer,mers,ming} fraud{,s,ulent} con_artist rip_off ripoff{,s} swindle{,d} cheat{,s,ed,er,ers,ing} deceit{,ful} deceive{,d,s} deceiving deceptive{,ly}
        -2.8 betray{,s,ed,al,ing} backstab{,bed,bing} treacher{y,ous} liar{,s} lying dishonest{,y} corrupt{,ed,ion}
        -2.7 useless{,ly,ness} worthless{,ness} pointless{,ly,ness} unbearable unbearably intolerable insufferable unforgivable inexcusable
        -2.6 hostile hostility hostilities aggressive{,ly} aggression threat{,s} threaten{,s,ed,ing} menac{e,ing} intimidat{e,ed,ing,ion}
        -2.6 stupid{,ity,est} idiot{,s,ic} moron{,s,ic} dumb{,est} imbecile{,s} incompetent{,ly} incompetence clueless brainless
        -2.6 insult{,s,ed,ing} humiliat{e,ed,es,ing,ion} degrad{e,ed,es,ing,ation} demean{,ing} disrespect{,ed,ful,fully,ing} contempt{,uous}
        -2.5 bad{,ly,ness} worse nasty nastiness rotten foul lousy crappy shitty sucky garbage rubbish
        -2.5 angry angrily anger{,ed} mad madden{,ing,ed} pissed pissed_off fuming seething resent{,s,ed,ful,ment,ing} bitter{,ly,ness}
        -2.5 sad{,der,dest,ness} unhappy unhappiness sorrow{,s,ful} grief griev{e,ed,es,ing} mourn{,ed,ing,s} heartbroken heartbreak{,ing} depress{,ed,ing,ion}
        -1.2 afraid
        -2.5 fear{,s,ed,ful,fully} scared scary terrif{ied,ying,ies} frighten{,ed,ing,s} panic{,ked,king,s,ky} dread{,ed,ing,s} petrified
        -2.4 fail{,s,ed,ing,ure,ures} failed_miserably flop{,s,ped} fiasco{,s} debacle{,s} shambles mess messy messed messed_up
        -2.6 unacceptable unacceptably shameful{,ly} shame{,d,s} shameless{,ly} disgrace{,d,ful,fully} scandal{,s,ous}
        -2.3 disappoint{,s,ed,ing,ingly,ment,ments} let_down letdown dissatisf{ied,action,ying} unsatisfied unsatisfactory displeas{ed,ure,ing}
        -2.3 frustrat{e,ed,es,ing,ingly,ion,ions} exasperat{ed,ing,ion} aggravat{ed,ing,ion} irritat{e,ed,es,ing,ion} irked
        -2.2 annoy{,s,ed,ing,ingly,ance,ances} bother{,s,ed,ing,some} pester{,ed,ing} nag{,ged,ging} tiresome tedious{,ly} boring{,ly} bored boredom
        -2.2 hurt{,s,ing,ful} pain{,s,ful,fully} ache{,s,d} aching suffer{,s,ed} suffering{,s} injur{y,ies,ed,e} wound{,ed,s} harm{,s,ed,ing,ful}
        -2.2 worr{y,ied,ies,ying,isome} anxious{,ly} anxiety anxieties nervous{,ly,ness} stress{,ed,es,ful} uneasy unease tense tension{,s} distress{,ed,ing}
        -2.2 lonely loneliness abandon{,ed,s,ment,ing} neglect{,ed,s,ful,ing} reject{,ed,s,ion,ions,ing} unwanted unloved
        -2.1 guilt{,y} regret{,s,ted,ful,ting} remorse{,ful} ashamed embarrass{,ed,es,ing,ingly,ment} awkward{,ly,ness} cringe{,worthy,y}
        -2.0 wrong{,ly,ful,fully} mistake{,s} mistaken{,ly} erroneous flaw{,s,ed} fault{,s,y} defect{,s,ive} blunder{,s,ed}
        -2.0 poor{,ly,est} inferior mediocre{,ity} subpar substandard shoddy{,ly} sloppy{,ly} careless{,ly,ness} cheap_looking flimsy
        -2.0 ugly ugliness unpleasant{,ly,ness} uncomfortable uncomfortably discomfort{,s} disturb{,ed,ing,ingly,s,ance} upsetting unsettling
        -2.0 upset{,s} distraught troubl{ed,ing,ingly} dismay{,ed,ing} alarm{,ed,ing,ingly} shock{,ed,ing,ingly} appall{,ed} aghast
        -2.0 crisis crises danger{,s,ous,ously} peril{,ous} risky hazard{,s,ous} toxic toxicity poison{,s,ed,ous,ing} deadly fatal{,ly,ity}
        -2.0 lose{,s,r,rs} losing loss{,es} lost_everything defeat{,ed,s,ist} beaten surrender{,ed}
        -2.0 sick{,ness} ill illness{,es} disease{,s,d} dying died death{,s} dead
        -2.0 steal{,s,ing} stole{,n} theft{,s} thief thieves rob{,bed,bery,bing} loot{,ed,ing} exploit{,ed,ing,ative,ation}
        -1.9 complain{,s,ed,ing,er,ers} complaint{,s} grumbl{e,ed,es,ing} whin{e,ed,es,ing,y} moan{,ed,ing} gripe{,s,d} rant{,s,ed,ing}
        -1.9 suck{,s,ed} crap{,s} bullshit dammit goddamn wtf ffs smh fml
        -1.2 damn{,ed}
        -1.9 irritable grump{y,iness} cranky grouchy moody sulk{,s,ed,ing,y} petty pettiness
        -1.8 hassle{,s,d} inconvenien{ce,ces,t,tly} nuisance{,s} trouble{,s,some} difficult{y,ies} hardship{,s} struggle{,s,d} struggling burden{,s,some}
        -1.8 unfair{,ly,ness} unjust{,ly} injustice{,s} biased discriminat{e,ed,ion,ory} prejudice{,d} racist racism sexist sexism
        -1.8 weak{,ness,nesses,er,est} fragile feeble lame{,st} inadequate{,ly} insufficient{,ly} deficient deficienc{y,ies}
        -1.8 doubt{,s,ed,ful} dubious{,ly} skeptical sceptical suspicious{,ly} distrust{,ful,ed} mistrust untrustworthy unreliable unreliability
        -1.8 fake{,s,d} phony phoney bogus sham hoax{,es} misleading{,ly} mislead{,s} misled falsely falsehood untrue
        -1.7 problem{,s,atic} complicat{ed,ion,ions} obstacle{,s} setback{,s} snag{,s} pitfall{,s} drawback{,s} downside{,s}
        -1.7 unhelpful{,ly} uncooperative unresponsive unreachable inaccessible dismissive{,ly} rude{,ly,ness} impolite
        -1.7 confus{e,es,ing,ingly,ion} baffl{ed,ing} bewilder{ed,ing} perplex{ed,ing} puzzling unclear vague{,ly,ness} ambiguous ambiguity incomprehensible
        -1.6 slow{,er,est,ness,s,ed} sluggish{,ness} laggy lag{,s,ged,ging} delay{,s,ed} overdue tardy
        -1.0 slowly late lateness ignore{,s} ignoring
        -1.5 ignored
        -1.6 tired{,ness} exhaust{ed,ing,ion} weary{,ing} fatigue{,d} drain{ed,ing} burnt_out burned_out burnout overwhelm{,ed,ing,s}
        -1.6 dull{,ness} bland meh blah uninspired uninteresting lackluster lacklustre underwhelm{ed,ing} forgettable
        -1.5 unfortunate unfortunately sadly regrettabl{e,y} alas pity pitiful{,ly} lament{,ed,s} woe{,s,ful}
        -1.5 expensive overpriced pricey costly exorbitant overcharg{e,ed,es,ing} extortion{,ate} gouging
        -1.5 fight{,s,ing} fought argu{e,ed,es,ing} argumentative quarrel{,s,ed} feud{,s} clash{,es,ed} dispute{,s,d} bicker{,ing}
        -1.5 blame{,s,d} blaming accus{e,ed,es,ing,ation,ations} criticiz{e,ed,es,ing} criticis{e,ed,es,ing} condemn{,ed,s,ation} denounc{e,ed} scold{,ed,ing}
        -1.5 jealous{,y} envious envy bitterness_toward greedy greed selfish{,ly,ness} arrogant{,ly} arrogance snob{,s,bish,by} conceited smug{,ly}
        -1.0 conflict{,s,ed,ing}
        -1.5 laziness sloppiness negligent{,ly} negligence irresponsible{,ly} reckless{,ly,ness} unprofessional{,ly,ism}
        -1.0 risk{,s} concern{,s} concerned worryingly
        -0.6 warning{,s}
        -1.4 caution{,ary} beware
        -1.4 cry{,ing} cried cries tear{ful,fully} sob{,s,bing,bed} weep{,s,ing} wept
        -1.4 hard_time harder_time difficult strain{,ed} stressed_out
        -1.3 broke_down break_down breakdown{,s} collapse{,d,s} collapsing crumbl{e,ed,ing} decline{,d,s} declining deteriorat{e,ed,es,ing,ion} worsen{,ed,s,ing}
        -1.3 lack{,s,ed,ing} missing_out shortage{,s} deprive{,d} starv{e,ed,ing} scarce
        -1.3 impossible impossibly unable incapable inability
        -2.6 cannot_stand can't_stand
        -1.2 sorry_to_hear unlucky bad_luck misfortune{,s} mishap{,s} accident{,s,al} oops whoops yikes ugh argh
        -1.2 weird{,ly,ness} bizarre{,ly} suspicious_activity creepy{,iness} creep{,s}
        -1.1 tricky clunky{,iness} cumbersome convoluted unwieldy
        -1.0 mediocrity ordinary_at_best so_so average_at_best nitpick{,s,ing} picky fussy
        -1.0 cold{,ly} cool_response indifferen{t,ce} apath{y,etic} unimpressed uninterested disinterested
        -0.8 sigh{,s,ed,ing} hmph nope nah
        -0.6 tough odd strange unexpected{,ly}
        """;

    public const string GeneralPositive = """
        # Love, joy, delight
        3.6 love{,s,d} loving{,ly} lovely loveliness adore{,s,d} adoring adorable beloved
        3.4 amazing{,ly} amaze{,d,s} astonishing{,ly} astounding{,ly} phenomenal{,ly} extraordinary extraordinarily incredible marvelous marvellous{,ly}
        3.4 excellent{,ly} excellence outstanding{,ly} superb{,ly} exceptional{,ly} magnificent{,ly} splendid{,ly} sublime stellar flawless{,ly}
        3.3 fantastic{,ally} wonderful{,ly} terrific{,ally} fabulous{,ly} brilliant{,ly} brilliance awesome{,ness} awesomely spectacular{,ly}
        3.2 perfect{,ion,ly} impeccable{,y} immaculate{,ly} masterpiece{,s} masterful{,ly} genius
        3.2 joy{,s,ful,fully,ous} delight{,s,ed,ful,fully} bliss{,ful,fully} ecstatic{,ally} ecstasy euphoric{,ally} euphoria elated elation overjoyed thrilled thrilling
        3.0 great{,est,ness} superb_job woohoo
        2.0 wow wowed yay hooray hurray yippee bravo kudos
        3.0 happ{y,ier,iest,ily,iness} cheerful{,ly,ness} jubilant gleeful{,ly} glee merry
        3.0 beautiful{,ly} gorgeous{,ly} stunning{,ly} breathtaking{,ly} exquisite{,ly} elegant{,ly} elegance charming{,ly} charm{,s,ed}
        3.0 triumph{,s,ed,ant,antly} victor{y,ies,ious} winner{,s} champion{,s} success{,es,ful,fully}
        2.4 win{,s,ning} won succeed{,s,ed,ing}
        2.9 grateful{,ly} gratitude thankful{,ly,ness} appreciat{e,es,ed,ing,ion,ive,ively} blessed blessing{,s}
        2.8 excit{ed,ing,ingly,ement} eager{,ly,ness} enthusias{m,tic,tically} passionate{,ly} passion{,s} inspir{e,ed,es,ing,ation,ational}
        2.7 good{,ness} nice{,r,st,ly} fine_job pleasant{,ly,ry} enjoy{,s,ed,ing,able,ably,ment} fun{,ner,nest} hilarious{,ly} delicious
        2.6 glad{,ly,den,dened} pleas{ed,ing,ingly,ure,ures} content{ed,ment} satisf{ied,ying,action,actory,actorily} fulfill{ed,ing,ment} fulfil{,ment}
        2.6 kind{ness,est,er,ly,hearted} generous{,ly} generosity gracious{,ly} compassion{,ate,ately} caring warm{,th,ly,hearted} friendly friendliness
        2.5 honest{,y} sincere{,ly} sincerity genuine{,ly} trust{,ed,s,ing,worthy,ful} integrity loyal{,ty} faithful{,ly} reliable reliably dependable
        2.5 brave{,ly,ry} courage{,ous,ously} heroic{,ally} hero{,es} bold{,ly,ness} valiant
        2.5 impress{,ive,ively,ed,es} remarkabl{e,y} admir{e,ed,es,ing,able,ably,ation} respected respectful{,ly} respectable esteem{,ed} praise{,d,s} praising praiseworthy
        2.4 smile{,s,d} smiling laugh{,s,ed,ing,ter} lmao rofl haha hahaha hehe
        1.8 lol funny giggl{e,ed,es,ing} grin{,s,ned,ning}
        2.5 xd
        2.4 peace{,ful,fully} calm{,ing,ed,ly,ness} relax{,ed,ing,es} relief relieved serene serenity tranquil{,ity} soothing comfort{,s,ed,ing}
        2.4 comfortable comfortably cozy cosy reassur{e,ed,ing,ingly,ance}
        1.5 safe{,ly,r} secure{,d,ly}
        1.9 hope{,s,d,ful,fully} hoping
        2.3 optimis{m,tic,tically} confident{,ly} confidence promising positive{,ly} positivity upbeat
        2.3 smart{,er,est} clever{,ly} wise{,ly} wisdom intelligent{,ly} brilliant_idea insightful thoughtful{,ly,ness} talented talent{,s} skilled skillful{,ly} gifted
        2.2 beneficial benefit{,s,ed,ing} advantage{,s,ous} valuable valued worthwhile worthy precious treasure{,d,s}
        2.2 improve{,s,d,ment,ments} improving bettered boost{,ed,s}
        1.9 better
        1.2 enhance{,d,s} progress{,ed,ing}
        2.2 strong{,er,est,ly} strength{,s,en,ened} robust{,ness} powerful{,ly} sturdy solid{,ly} resilient resilience
        2.1 easy easier easiest easily effortless{,ly} simple_enough straightforward intuitive{,ly} seamless{,ly} smooth{,ly,er,ness} painless{,ly}
        1.0 fresh{,ness} clean{,er,est}
        2.1 tidy neat{,ly} crisp polished sleek
        2.0 cool{,er,est} sweet{,er,est,ness} neat_trick lucky luckily fortunate{,ly}
        1.0 luck
        2.0 welcom{e,ed,es,ing} endorse{,d,ment} supportive
        1.0 accept{,s,ed,ance} supported
        1.3 acceptable
        1.8 approv{e,ed,es,al,ing}
        1.5 agree{,d,s,ment,able}
        1.5 friend{,s,ship,ships} buddy pal{,s}
        2.0 togetherness unity teamwork harmony harmonious{,ly} cooperat{e,ion,ive,ively}
        1.2 free freely
        2.0 freedom liberat{e,ed,ing,ion} independen{t,ce} empower{,ed,ing,ment}
        1.9 fair{,ness} just_right reasonable reasonably sensible sensibly rational balanced
        1.5 accurate{,ly} accuracy correct{,ly,ness} precise{,ly}
        1.9 effective{,ly,ness} efficient{,ly} efficiency productive{,ly} productivity capable capability competent{,ly} proficient{,ly} expert{,ise,ly}
        1.8 useful{,ly,ness} handy practical{,ly} convenient{,ly} convenience
        1.8 interest{ed,ing,ingly} curious fascinat{ed,ing,ion} intrigu{ed,ing} engaging engaged captivat{ed,ing} compelling
        1.8 creative{,ly} creativity innovat{ive,ion,ions,or} originality imaginative inventive ingenious{,ly}
        1.7 sure_thing
        1.7 liked likable likeable fond{,ness} favorite{,s} favourite{,s}
        1.0 likes preferable
        1.6 proud{,ly} pride honor{,ed,able} honour{,ed,able} dignity dignified
        1.6 celebrat{e,ed,es,ing,ion,ions} congratulat{e,ed,ions,ing} congrats festive
        1.5 prepared organized organised sorted_out on_track punctual promptly
        0.8 ready
        1.5 healthy healthier heal{,ed,ing,s} recovered cure{,d,s} alive thriv{e,ed,es,ing} flourish{,ed,ing}
        1.5 energetic lively vibrant
        1.4 gentle{,ness} gently patiently patience tolerant forgiv{e,en,ing,eness} mercy merciful
        2.0 interesting_point fair_point good_point valid_point
        0.6 okay ok alright yes yep yeah yup indeed
        0.8 fine certainly adequate{,ly}
        0.4 sure
        1.5 decent{,ly} rare_find definitely_yes absolutely_yes
        """;
}
