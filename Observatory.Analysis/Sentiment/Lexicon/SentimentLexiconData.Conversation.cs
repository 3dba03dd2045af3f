namespace Observatory.Analysis.Sentiment.Lexicon;

internal static partial class SentimentLexiconData
{
    /// <summary>
    /// Vocabulary of the conversations this service sees: customer support, software, AI assistants, chat slang,
    /// and the multi-word phrases whose meaning is not the sum of their words. Words that are neutral in technical
    /// talk ("value", "support", "prompt", "false", "argument", "protected") are deliberately absent.
    /// </summary>
    public const string Conversation = """
        # Gratitude and politeness
        1.9 thanks thx thanx thnx thankyou thanked thanking cheers
        1.5 thank
        2.0 thank_you thanks_again many_thanks thanks_so_much thanks_a_lot
        2.5 much_appreciated tysm tyvm thank_you_very_much
        2.8 thank_you_so_much thanks_a_million
        1.5 thank_god thank_goodness thank_heavens
        2.2 happy_to_help glad_to_help glad_i_could_help happy_to_assist
        2.0 my_pleasure you're_welcome youre_welcome welcome_back
        1.8 polite{,ly,ness} courteous{,ly} attentive{,ly} accommodating empathetic empathy
        2.0 knowledgeable helpful{,ly,ness}
        1.2 professional{,ly,ism}
        0.8 best_regards kind_regards
        1.0 warm_regards
        1.8 all_the_best
        0.8 good_morning good_afternoon good_evening good_night
        -0.4 sorry
        -0.2 apolog{y,ies,ize,izes,ized,ise,ises,ised} my_apologies
        -0.5 sorry_for_the_inconvenience sorry_for_any_inconvenience
        -0.3 apologies_for_the_inconvenience apologize_for_the_inconvenience

        # Support outcomes: positive
        2.0 resolved solved problem_solved issue_resolved
        1.8 fixed working_again works_again back_online up_and_running
        1.2 works worked fixes solves resolves
        1.2 refunded reimbursed
        1.0 full_refund refund_issued
        0.5 compensat{ed,ion}
        1.8 all_good all_sorted
        1.5 all_set sorted_now
        1.2 makes_sense
        0.8 got_it
        1.8 sounds_good
        1.0 fair_enough good_enough
        1.5 good_luck good_question good_to_know
        1.8 good_catch
        2.5 good_job nice_work good_work well_done spot_on high_quality
        3.2 great_job great_work
        2.0 on_point thumbs_up high_five nailed_it
        2.8 works_like_a_charm exactly_what_i_needed above_and_beyond five_stars 5_stars
        3.0 life_saver lifesaver top_notch heartwarming
        2.5 game_changer first_class pleasantly_surprised pleasant_surprise win_win
        1.5 no_problem no_worries not_a_problem no_complaints
        1.2 no_issues no_errors
        1.5 not_bad
        1.2 not_too_bad
        2.0 not_bad_at_all
        1.0 not_so_bad can't_complain cannot_complain
        1.8 worth_it
        1.0 worth
        2.0 would_recommend
        3.0 highly_recommend
        0.8 recommend{,s,ed}
        2.8 best
        1.2 fast{,er} quick{,er,ly} instant{,ly} responsive readable
        2.5 blazing_fast lightning_fast
        0.8 simple lightweight compatible
        1.0 simpler simplif{y,ied,ies} consistent{,ly} scalable stable
        1.2 streamline{,d} flexible reliability
        1.5 versatile affordable bargain ease
        1.0 discount{,s,ed}
        1.5 bonus reward{,s,ed}
        2.2 rewarding refreshing uplifting
        1.8 concise thorough{,ly} informative well_structured
        1.5 comprehensive educational
        1.0 detailed relevant
        2.2 well_explained well_written clear_explanation
        2.0 well_designed clear_answer enlightening enlightened eye_opening
        1.2 clearer

        # Support outcomes: negative
        -2.8 unusable unfixable dumpster_fire trainwreck train_wreck shitshow
        -2.3 broken
        -1.8 broke
        -2.0 crash{,es,ed,ing} buggy
        -1.3 bug{,s} crashy
        -1.5 glitch{,es,y,ed,ing} erroring
        -1.2 error{,s} stuck
        -1.8 freez{e,es,ing} malfunction{,s,ed,ing} outage{,s} downtime
        -1.2 froze frozen timeout{,s} timed_out
        -1.0 hiccup{,s} unavailable
        -0.8 missing invalid
        -0.6 issue{,s}
        -1.5 incorrect{,ly} inaccurate{,ly}
        -0.5 refund{,s}
        -2.2 charged_twice double_charged double_billed
        -0.8 cancel{,s,led,ed,ling,ing,lation,lations,ation} unsubscribe{,d}
        -1.0 escalat{e,ed,es,ing,ion}
        -1.2 on_hold
        -1.8 still_waiting
        -1.5 no_response no_reply no_luck
        -1.2 no_answer same_problem
        -1.0 same_issue
        -0.8 over_and_over
        -2.0 never_again
        -2.5 still_broken
        -1.5 not_again keeps_happening
        -2.3 let_me_down let_us_down
        -1.5 falls_short fell_short fall_short
        -2.0 not_worth_it not_as_advertised
        -1.5 not_as_expected
        -1.2 fell_through cut_off
        -2.8 waste_of_time waste_of_money
        -2.0 waste{,s,d,ful} wasting
        -2.5 fed_up sick_of last_straw
        -2.0 had_enough tired_of
        -3.0 sick_and_tired
        -1.5 give_up giving_up gave_up hung_up
        -1.8 run_around runaround
        -2.5 one_star 1_star pain_in_the_ass
        -3.0 zero_stars
        -2.0 pain_in_the_neck low_quality
        -1.2 lost
        -0.8 urgent{,ly}
        -0.5 asap
        -1.5 emergency

        # AI assistants
        -1.8 hallucinat{e,ed,es,ing,ion,ions}
        -1.5 made_that_up made_it_up
        -2.0 nonsense nonsensical gibberish not_what_i_asked wrong_answer
        -1.5 irrelevant repeating_yourself canned_response
        -1.0 off_topic outdated out_of_date robotic censored
        -0.8 generic verbose obsolete
        -1.3 repetitive rambling misunderstood
        -1.2 misunderstand{,ing,s} refuse{,s,d} refusing refusal
        -1.0 misread
        -2.5 confidently_wrong
        -1.8 preachy
        -2.2 condescending patronizing patronising

        # Prefixes: un-, dis-, mis-, -less
        -1.8 meaningless tasteless thoughtless powerless unfriendly unreasonable unworthy disorganized disorganised
        -2.0 senseless helpless spineless unkind unsafe unwelcome unsuccessful{,ly} ungrateful disloyal dislike{,s,d} disheartened
        -2.5 heartless mistreat{ed,ment}
        -2.2 ruthless merciless disheartening
        -1.5 mindless unstable unresolved unreadable unintuitive unproductive disruptive misinformed misbehav{e,ed,ing,ior,iour}
        -1.2 restless sleepless unpopular unanswered miscommunication
        -1.0 unsolved unnecessary unnecessarily unpredictable disruption distract{ed,ing,ion}
        -0.8 unsure uncertain{,ty}
        -1.8 unmaintainable discourag{e,ed,es,ing} disillusioned ignorant misinformation
        -1.2 disagree{,d,s,ment,ments}
        -2.0 mishandled mismanage{d,ment} botched screw_up screwup screwed_up
        -2.2 screwed
        -2.5 dismal
        -1.0 disconnected

        # Strong words, slang, interjections
        -2.5 shit shitty_service fuck bastard{,s} bitch
        -2.8 fucked what_the_fuck
        -3.0 asshole{,s} piss_off hellish ghastly
        -3.5 fuck_off fuck_you go_to_hell
        -3.2 screw_you
        -2.2 shut_up
        -2.0 what_the_hell jerk{,s} hell eww yuck
        -1.8 ew clown{,s,ish} chaos chaotic
        -1.5 grr grrr ouch boo damnit
        -1.0 oof crud joke{,s}
        -1.8 a_joke
        -2.0 laughable
        -0.8 sheesh jeez geez duh dang darn
        -0.5 whatever
        -2.2 ridiculous{,ly}
        -1.8 absurd{,ly,ity}
        -1.5 insane
        -0.8 crazy
        -1.2 clumsy crude cynical
        -1.5 dead_end
        -2.0 grim bleak sinister
        -2.2 dire doom{,ed}
        -1.8 gloom{,y}
        -1.5 ominous curse{,s}
        -2.0 cursed plague{,d} infested malware breach{,ed,es} hacked locked_out
        -1.5 infect{ed,ion} spam{,my,med} banned suspended denied penalty
        -1.8 attack{,s,ed,ing} penalize{,d}
        -1.2 leak{,s,ed,ing} vulnerab{le,ility,ilities} ban
        -1.0 virus blocked deny forbidden unauthorized
        2.5 woot chuffed stoked fab
        2.2 psyched
        2.0 pumped epic
        2.5 legendary
        1.8 superior
        1.0 premium
        2.0 commend{,able,ed} applaud{,s,ed} wholesome witty entertaining cute
        1.5 playful{,ly} amused entertained hug{,s,ged}
        1.8 humorous amusing
        1.2 humor humour
        2.5 cherish{,ed} miracle{,s} miraculous paradise beauty
        1.2 achieve{,d,s,ment,ments}
        1.8 accomplish{,ed,ment,ments}
        2.2 breakthrough heaven{,ly}
        1.0 milestone
        1.5 keen
        1.8 motivat{ed,ing}
        2.0 encourag{e,ed,es,ing,ement}
        1.0 gain{,s,ed} profit{,s,able}
        2.0 prosper{,ity,ous}
        1.8 gift{,s} prize{,s} award{,s,ed}
        2.0 dreamy
        1.8 smiley glowing sparkl{e,ing}
        1.5 sunny shine{,s} shining
        1.2 bright{,er}
        2.2 radiant

        # Phrases built around a negator whose meaning is positive, and sarcastic set phrases
        2.0 can't_wait cannot_wait cant_wait couldn't_agree_more
        3.0 couldn't_be_happier could_not_be_happier can't_thank_you_enough cannot_thank_you_enough
        2.8 couldn't_be_better could_not_be_better
        1.0 not_to_worry
        -1.5 yeah_right
        -2.5 thanks_for_nothing
        -1.0 what_a_surprise color_me_surprised colour_me_surprised
        -1.2 how_convenient
        # Dismissive phrases whose negator does not make them positive ("Don't bother. I'm done.")
        -1.5 don't_bother dont_bother do_not_bother

        # Latent entries: neutral alone, negative when negated ("doesn't work", "never arrived", "no help")
        ~1.8 work working help
        ~1.5 load{,s,ing,ed} open{,s,ing} start{,s,ing} boot{,s,ing} respond{,s,ing} connect{,s,ing} sync{,s,ing} function{,s,ing}
        ~1.5 resolve solve fix make_sense
        ~1.2 arrive{,d} deliver{,ed} receive{,d} answer{,ed} reply replied install{,s} compile{,s} understand
        ~1.0 run{,s} show{,s} appear{,s}
        1.8 helped
        1.2 helps
        1.0 helping care{,s,d}
        """;
}
