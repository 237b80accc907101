"""Common given names, as cues: a woman's name first resolves "she" to her, and a known given
name marks where a person's name starts after the last words of an office ("Minister for
Foreign Trade and Economic Attractiveness Laurent Vasseur"). Only a cue that is present counts."""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`."""
    return frozenset(text.split())


FEMALE_GIVEN_NAMES: frozenset[str] = wordset("""
    Agnès Agnes Amélie Amelie Angela Anne Annalena Audrey Aurore Barbara Brigitte Camille
    Caroline Catherine Cécile Cecile Céline Celine Chantal Christine Claire Clémence Clemence
    Delphine Élisabeth Elisabeth Elizabeth Emma Emmanuelle Florence Françoise Francoise
    Geneviève Genevieve Giorgia Hélène Helene Isabelle Jacqueline Jeanne Julie Juliette Kaja
    Karin Laurence Laure Margaret Margrethe Marie Marine Martine Mary Mette Monique Nathalie
    Pascale Rachida Roberta Ségolène Segolene Simone Sophie Susan Sylvie Ursula Valérie Valerie
    Véronique Veronique Virginie Adèle Adele Alice Aline Anaïs Anais Annick Béatrice Beatrice
    Bernadette Brigitte Carole Charlotte Chloé Chloe Colette Corinne Danielle Diane
    Élise Elise Éliane Eliane Élodie Elodie Émilie Emilie Estelle Éva Eva Fabienne Florence
    Gabrielle Ghislaine Hortense Inès Ines Irène Irene Josiane Joëlle Joelle Léa Lea Louise Lucie
    Madeleine Manon Marguerite Marianne Marion Mathilde Maud Mireille Muriel Nadia Nadine Nicole
    Noémie Noemie Océane Oceane Odile Pauline Régine Regine Renée Renee Sabine Sandrine Solène
    Solene Stéphanie Stephanie Suzanne Thérèse Therese Yvette Yvonne Zoé Zoe Yaël Yael Agathe
    Aurélie Aurelie Capucine Clara Héloïse Heloise Karine Laetitia Léna Lena Lola Margaux
    Ophélie Ophelie Sonia Laurène Laurene Gwenaëlle Gwenaelle Armelle Annabelle Blandine
    """)

#: Common given names of men, which mark where a name starts after an office's last words.

MALE_GIVEN_NAMES: frozenset[str] = wordset("""
    Alain Alexandre André Andre Antoine Arnaud Benoît Benoit Bernard Bertrand Bruno Charles
    Christian Christophe Claude Daniel David Denis Didier Dominique Édouard Edouard Emmanuel
    Éric Eric Étienne Etienne Fabien Fabrice François Francois Frédéric Frederic Gabriel Gérald
    Gerald Gérard Gerard Gilles Guillaume Henri Hervé Herve Hugo Jacques Jean Jérôme Jerome
    Julien Laurent Louis Luc Lucas Marc Marcel Mathieu Matthieu Maxime Michel Nicolas Olivier
    Pascal Patrick Paul Philippe Pierre Raphaël Raphael Rémi Remi Rémy Remy Renaud Richard
    Robert Roland Sébastien Sebastien Serge Stéphane Stephane Sylvain Thierry Thomas Vincent
    Xavier Yann Yannick Yves Théo Theo Hugues Adrien Alexis Arthur Aurélien Aurelien Baptiste
    Cédric Cedric Clément Clement Damien Florian Grégoire Gregoire Jules Léo Leo Loïc Loic
    Quentin Romain Simon Timothée Timothee Tristan Valentin Victor Gaspard Félix Felix Lionel
    Gaël Gael Benjamin Jean-Pierre Jean-Marc Mathias Matthias Sacha Gautier Gauthier Armand
    """)
