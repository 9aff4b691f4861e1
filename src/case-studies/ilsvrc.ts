/**
 * The historical figures of lessons 15–17 that no engine can compute: ILSVRC
 * classification results by year, human top-5 error, and the few numbers the
 * AlexNet, VGG and ResNet papers report about their own runs.
 *
 * Every value carries its `source`: the publication (with arXiv id where there is
 * one) or the official ILSVRC results page, and where in it the value stands. Error
 * rates are in percent (top-5 error on the ILSVRC test set unless `where` says
 * otherwise), rounded as the source prints them: a results page prints fractions
 * (0.15315), which are stored here as percent with the same digits (15.315).
 *
 * Lessons quote these only through their lesson-numbers modules, never typed.
 */

/** Where a value comes from. */
export interface Source {
  /** Authors, title, venue and year, with the arXiv id where there is one. */
  citation: string;
  /** A stable address of the publication or page. */
  url: string;
  /** Where in it the value stands (table, section, figure, row). */
  where: string;
}

/** A number and the source that prints it. */
export interface Sourced {
  value: number;
  /** 'percent', 'count', 'layers', 'days', ... */
  unit: string;
  source: Source;
}

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

const RESULTS = (year: number): string => `https://image-net.org/challenges/LSVRC/${year}/results`;

export const SOURCES = {
  russakovsky: {
    citation:
      'O. Russakovsky, J. Deng, H. Su et al., "ImageNet Large Scale Visual Recognition Challenge", International Journal of Computer Vision 115(3), 2015; arXiv:1409.0575',
    url: 'https://arxiv.org/abs/1409.0575',
  },
  karpathyBlog: {
    citation: 'A. Karpathy, "What I learned from competing against a ConvNet on ImageNet", blog post, 2 September 2014',
    url: 'https://karpathy.github.io/2014/09/02/what-i-learned-from-competing-against-a-convnet-on-imagenet/',
  },
  alexnet: {
    citation:
      'A. Krizhevsky, I. Sutskever, G. E. Hinton, "ImageNet Classification with Deep Convolutional Neural Networks", NeurIPS (NIPS) 25, 2012',
    url: 'https://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks',
  },
  zfnet: {
    citation: 'M. D. Zeiler, R. Fergus, "Visualizing and Understanding Convolutional Networks", ECCV 2014; arXiv:1311.2901',
    url: 'https://arxiv.org/abs/1311.2901',
  },
  googlenet: {
    citation: 'C. Szegedy, W. Liu, Y. Jia et al., "Going Deeper with Convolutions", CVPR 2015; arXiv:1409.4842',
    url: 'https://arxiv.org/abs/1409.4842',
  },
  vgg: {
    citation:
      'K. Simonyan, A. Zisserman, "Very Deep Convolutional Networks for Large-Scale Image Recognition", ICLR 2015; arXiv:1409.1556',
    url: 'https://arxiv.org/abs/1409.1556',
  },
  resnet: {
    citation: 'K. He, X. Zhang, S. Ren, J. Sun, "Deep Residual Learning for Image Recognition", CVPR 2016; arXiv:1512.03385',
    url: 'https://arxiv.org/abs/1512.03385',
  },
  senet: {
    citation: 'J. Hu, L. Shen, G. Sun, "Squeeze-and-Excitation Networks", CVPR 2018; arXiv:1709.01507',
    url: 'https://arxiv.org/abs/1709.01507',
  },
} as const;

function from(source: { citation: string; url: string }, where: string): Source {
  return { citation: source.citation, url: source.url, where };
}

function results(year: number, where: string): Source {
  return { citation: `ILSVRC${year} results, image-net.org`, url: RESULTS(year), where };
}

// ---------------------------------------------------------------------------
// Winners of the classification task, year by year
// ---------------------------------------------------------------------------

/** The classification winner of one ILSVRC year. */
export interface IlsvrcEntry {
  year: number;
  /** The team as the results page names it. */
  team: string;
  /** The network (or method) it is known by. */
  network: string;
  /** Top-5 error on the ILSVRC test set, percent. */
  top5Error: number;
  /** Whether the entry trained on more than the supplied ILSVRC training data. */
  extraData: boolean;
  /** Deep convolutional network (true from 2012 on). */
  cnn: boolean;
  /** Where year, team and error are printed. */
  source: Source;
}

/** Each year's winner of ILSVRC image classification, 2010–2017, years ascending. */
export const ILSVRC_WINNERS: readonly IlsvrcEntry[] = [
  {
    year: 2010,
    team: 'NEC-UIUC',
    network: 'SIFT/LBP features + sparse coding + SVM',
    top5Error: 28.191,
    extraData: false,
    cnn: false,
    source: results(2010, 'classification table (top-5, flat cost), winning entry NEC-UIUC: 0.28191'),
  },
  {
    year: 2011,
    team: 'XRCE',
    network: 'Fisher vectors + SVM',
    top5Error: 25.77,
    extraData: false,
    cnn: false,
    source: results(2011, 'classification table, winning entry XRCE: 0.25770'),
  },
  {
    year: 2012,
    team: 'SuperVision',
    network: 'AlexNet',
    top5Error: 15.315,
    extraData: true,
    cnn: true,
    source: results(
      2012,
      'Task 1 (classification), first row SuperVision: 0.15315, "Using extra training data from ImageNet Fall 2011 release"; the AlexNet paper, Table 2, rounds it to 15.3%',
    ),
  },
  {
    year: 2013,
    team: 'Clarifai',
    network: 'ZFNet (Zeiler & Fergus)',
    top5Error: 11.743,
    extraData: false,
    cnn: true,
    source: results(
      2013,
      'classification table, Clarifai, no outside training data: 0.11743 (GoogLeNet paper, arXiv:1409.4842, Table 2: Clarifai 2013 1st, 11.7%)',
    ),
  },
  {
    year: 2014,
    team: 'GoogLeNet',
    network: 'GoogLeNet (Inception v1)',
    top5Error: 6.67,
    extraData: false,
    cnn: true,
    source: from(SOURCES.googlenet, 'Table 2, row "GoogLeNet, 2014, 1st, 6.67%, no external data"'),
  },
  {
    year: 2015,
    team: 'MSRA',
    network: 'ResNet',
    top5Error: 3.57,
    extraData: false,
    cnn: true,
    source: from(SOURCES.resnet, 'abstract ("An ensemble of these residual nets achieves 3.57% error ... won the 1st place on the ILSVRC 2015 classification task") and Table 5'),
  },
  {
    year: 2016,
    team: 'Trimps-Soushen',
    network: 'an ensemble of CNNs',
    top5Error: 2.991,
    extraData: false,
    cnn: true,
    source: results(2016, 'Task 2a (classification), winning entry Trimps-Soushen: 0.02991'),
  },
  {
    year: 2017,
    team: 'WMW',
    network: 'SENet (Squeeze-and-Excitation)',
    top5Error: 2.251,
    extraData: false,
    cnn: true,
    source: from(SOURCES.senet, 'abstract: SENets "won first place in the ILSVRC 2017 classification submission", top-5 error 2.251%'),
  },
];

/** The runner-up of 2014, which lesson 16 is about. */
export const VGG_2014: IlsvrcEntry = {
  year: 2014,
  team: 'VGG',
  network: 'VGG (7-net ensemble as submitted)',
  top5Error: 7.3,
  extraData: false,
  cnn: true,
  source: from(
    SOURCES.vgg,
    'Table 7, row "VGG (ILSVRC submission, 7 nets, dense eval.)": 7.3% top-5 test error; 2nd place in classification (abstract); GoogLeNet paper Table 2 prints it as 7.32%',
  ),
};

/** The best year-2012 entry that was not a CNN: ISI's Fisher vectors, the runner-up. */
export const RUNNER_UP_2012: IlsvrcEntry = {
  year: 2012,
  team: 'ISI',
  network: 'Fisher vectors (SIFT, LBP, GIST, CSIFT) + linear classifiers',
  top5Error: 26.172,
  extraData: false,
  cnn: false,
  source: results(2012, 'Task 1 (classification), best ISI row: 0.26172; the AlexNet paper, Table 2, quotes it as 26.2% ("SIFT + FVs")'),
};

/** The last year ILSVRC ran as a challenge. */
export const LAST_ILSVRC_YEAR: Sourced = {
  value: 2017,
  unit: 'year',
  source: {
    citation: 'ILSVRC2017 challenge page, image-net.org, and the CVPR 2017 workshop "Beyond ILSVRC"',
    url: 'https://image-net.org/challenges/beyond_ilsvrc',
    where: 'the 2017 page announces ILSVRC2017 as the last of the challenges; its workshop was "Beyond ILSVRC"',
  },
};

// ---------------------------------------------------------------------------
// Human error
// ---------------------------------------------------------------------------

/** Human top-5 error on ILSVRC classification, percent: the better of the two trained annotators. */
export const HUMAN_TOP5_ERROR: Sourced = {
  value: 5.1,
  unit: 'percent',
  source: from(
    SOURCES.russakovsky,
    'Sec. 6.4 "Human accuracy on large-scale image classification": trained annotator A1, 5.1% top-5 error on 1500 test images (Karpathy); his blog post gives the same figure',
  ),
};

/** How many test images annotator A1 labelled for that figure. */
export const HUMAN_TEST_IMAGES: Sourced = {
  value: 1500,
  unit: 'count',
  source: from(SOURCES.russakovsky, 'Sec. 6.4, annotator A1 labelled 1500 images of the ILSVRC 2012-2014 test set'),
};

/** The second, less trained annotator's top-5 error, percent. */
export const HUMAN_A2_TOP5_ERROR: Sourced = {
  value: 12.0,
  unit: 'percent',
  source: from(SOURCES.russakovsky, 'Sec. 6.4: annotator A2, 12.0% top-5 error on 258 images'),
};

// ---------------------------------------------------------------------------
// What the papers report about their own networks
// ---------------------------------------------------------------------------

const alexnetPaper = (where: string): Source => from(SOURCES.alexnet, where);
const vggPaper = (where: string): Source => from(SOURCES.vgg, where);
const resnetPaper = (where: string): Source => from(SOURCES.resnet, where);

/** AlexNet (Krizhevsky et al. 2012). */
export const ALEXNET_FACTS = {
  /** Top-5 test error of the ILSVRC-2012 entry: seven CNNs averaged, two of them pre-trained on the Fall 2011 release. */
  ensembleTop5: { value: 15.3, unit: 'percent', source: alexnetPaper('Table 2, row "7 CNNs*", top-5 (test)') },
  /** Models averaged in that entry. */
  ensembleSize: { value: 7, unit: 'count', source: alexnetPaper('Table 2, row "7 CNNs*"; Sec. 6.1') },
  /** Five CNNs trained on ILSVRC-2012 data only. */
  fiveCnnTop5: { value: 16.4, unit: 'percent', source: alexnetPaper('Table 2, row "5 CNNs", top-5 (test)') },
  /** One CNN, validation set. */
  oneCnnTop5Val: { value: 18.2, unit: 'percent', source: alexnetPaper('Table 2, row "1 CNN", top-5 (val)') },
  /** The runner-up of ILSVRC-2012 as the paper quotes it. */
  runnerUpTop5: { value: 26.2, unit: 'percent', source: alexnetPaper('Table 2, row "SIFT + FVs [7]", top-5 (test)') },
  /** On the ILSVRC-2010 test set (labels public): top-1 and top-5 error. */
  ilsvrc2010Top1: { value: 37.5, unit: 'percent', source: alexnetPaper('Table 1, row "CNN", top-1') },
  ilsvrc2010Top5: { value: 17.0, unit: 'percent', source: alexnetPaper('Table 1, row "CNN", top-5') },
  /** GPUs the network was split across (GTX 580, 3 GB each). */
  gpus: { value: 2, unit: 'count', source: alexnetPaper('Sec. 3.2 "Training on Multiple GPUs"') },
  /** Memory of one GTX 580 in GB. */
  gpuMemoryGb: { value: 3, unit: 'GB', source: alexnetPaper('Sec. 3.2: "a single GTX 580 GPU has only 3GB of memory"') },
  /** Training took five to six days. */
  trainingDaysMin: { value: 5, unit: 'days', source: alexnetPaper('Sec. 5: "five to six days on two NVIDIA GTX 580 3GB GPUs"') },
  trainingDaysMax: { value: 6, unit: 'days', source: alexnetPaper('Sec. 5') },
  /** Roughly 90 passes through the 1.2 million training images. */
  epochs: { value: 90, unit: 'epochs', source: alexnetPaper('Sec. 5: "roughly 90 cycles through the training set"') },
  batchSize: { value: 128, unit: 'count', source: alexnetPaper('Sec. 5: "batch size of 128 examples"') },
  momentum: { value: 0.9, unit: 'ratio', source: alexnetPaper('Sec. 5: "momentum of 0.9"') },
  weightDecay: { value: 0.0005, unit: 'ratio', source: alexnetPaper('Sec. 5: "weight decay of 0.0005"') },
  learningRate: { value: 0.01, unit: 'ratio', source: alexnetPaper('Sec. 5: initial learning rate 0.01, divided by 10 when validation error stopped improving') },
  dropout: { value: 0.5, unit: 'ratio', source: alexnetPaper('Sec. 4.2: dropout with probability 0.5 in the first two fully connected layers') },
  /** The paper's round parameter count. */
  paperParamsMillions: { value: 60, unit: 'million', source: alexnetPaper('abstract: "60 million parameters and 650,000 neurons"') },
  /** ReLU reached 25% training error on CIFAR-10 six times faster than tanh. */
  reluSpeedup: { value: 6, unit: 'times', source: alexnetPaper('Sec. 3.1 and Figure 1 (four-layer CNN on CIFAR-10, 25% training error)') },
  reluTargetError: { value: 25, unit: 'percent', source: alexnetPaper('Figure 1 caption') },
  /** Overlapping pooling (z = 3, s = 2) against s = z = 2. */
  overlapTop1Gain: { value: 0.4, unit: 'percent', source: alexnetPaper('Sec. 3.4: reduces top-1 error by 0.4%') },
  overlapTop5Gain: { value: 0.3, unit: 'percent', source: alexnetPaper('Sec. 3.4: and top-5 by 0.3%') },
  /** Response normalisation. */
  lrnTop1Gain: { value: 1.4, unit: 'percent', source: alexnetPaper('Sec. 3.3: reduces top-1 error by 1.4%') },
  lrnTop5Gain: { value: 1.2, unit: 'percent', source: alexnetPaper('Sec. 3.3: and top-5 by 1.2%') },
  lrnSize: { value: 5, unit: 'count', source: alexnetPaper('Sec. 3.3: k = 2, n = 5, alpha = 1e-4, beta = 0.75') },
  lrnK: { value: 2, unit: 'ratio', source: alexnetPaper('Sec. 3.3') },
  lrnAlpha: { value: 1e-4, unit: 'ratio', source: alexnetPaper('Sec. 3.3') },
  lrnBeta: { value: 0.75, unit: 'ratio', source: alexnetPaper('Sec. 3.3') },
  /** Training images of ILSVRC-2012. */
  trainingImagesMillions: { value: 1.2, unit: 'million', source: alexnetPaper('Sec. 2: "roughly 1.2 million training images"') },
} as const satisfies Record<string, Sourced>;

/** VGG (Simonyan & Zisserman 2014). */
export const VGG_FACTS = {
  /** As submitted to ILSVRC-2014 (7 nets). */
  submissionTop5: { value: 7.3, unit: 'percent', source: VGG_2014.source },
  /** After the challenge: two nets, multi-crop and dense evaluation. */
  postSubmissionTop5: { value: 6.8, unit: 'percent', source: vggPaper('Table 7, row "VGG (2 nets, multi-crop & dense eval.)", top-5 test') },
  /** Place in the classification task (first in localisation). */
  classificationPlace: { value: 2, unit: 'place', source: vggPaper('abstract: "first and the second places in the localisation and classification tracks respectively"') },
  /** Weight layers of the deepest configurations. */
  minDepth: { value: 16, unit: 'layers', source: vggPaper('abstract: "pushing the depth to 16–19 weight layers"') },
  maxDepth: { value: 19, unit: 'layers', source: vggPaper('abstract') },
  /** Training one net took two to three weeks on four Titan Black GPUs. */
  gpus: { value: 4, unit: 'count', source: vggPaper('Sec. 3.3: "4 NVIDIA Titan Black GPUs, training a single net took 2–3 weeks"') },
  trainingWeeksMin: { value: 2, unit: 'weeks', source: vggPaper('Sec. 3.3') },
  trainingWeeksMax: { value: 3, unit: 'weeks', source: vggPaper('Sec. 3.3') },
} as const satisfies Record<string, Sourced>;

/** ResNet (He et al. 2015). */
export const RESNET_FACTS = {
  /** ILSVRC 2015 winning ensemble, top-5 test error. */
  ensembleTop5: { value: 3.57, unit: 'percent', source: resnetPaper('abstract and Table 5') },
  /** ResNet-152 alone, top-5 on the validation set (10-crop). */
  resnet152Top5Val: { value: 4.49, unit: 'percent', source: resnetPaper('Table 4, ResNet-152, top-5 err. (val)') },
  /** Depth of the deepest ImageNet model. */
  deepestImagenet: { value: 152, unit: 'layers', source: resnetPaper('abstract: "a depth of up to 152 layers—8× deeper than VGG nets"') },
  /** Figure 1: on CIFAR-10 the 56-layer plain net has higher training and test error than the 20-layer one. */
  degradationShallow: { value: 20, unit: 'layers', source: resnetPaper('Figure 1: training and test error of 20-layer and 56-layer plain networks on CIFAR-10') },
  degradationDeep: { value: 56, unit: 'layers', source: resnetPaper('Figure 1') },
  /** CIFAR-10 test error of ResNet-110 (best of 5 runs; mean 6.61 ± 0.16). */
  resnet110Cifar: { value: 6.43, unit: 'percent', source: resnetPaper('Table 6, row "ResNet 110": 6.43 (6.61±0.16)') },
  /** The 1202-layer net, worse than 110 layers: overfitting, the paper argues. */
  resnet1202Layers: { value: 1202, unit: 'layers', source: resnetPaper('Sec. 4.2 "Exploring Over 1000 layers" and Table 6') },
  resnet1202Cifar: { value: 7.93, unit: 'percent', source: resnetPaper('Table 6, row "ResNet 1202": 7.93') },
  /** The paper's multiply-adds ("FLOPs") per 224x224 image, billions. torchvision's v1.5 bottleneck strides in the 3x3, so its ResNet-50 counts a little more. */
  resnet18GFlops: { value: 1.8, unit: 'billion multiply-adds', source: resnetPaper('Table 1, FLOPs row, 18-layer: 1.8x10^9') },
  resnet34GFlops: { value: 3.6, unit: 'billion multiply-adds', source: resnetPaper('Table 1, FLOPs row, 34-layer: 3.6x10^9') },
  resnet50GFlops: { value: 3.8, unit: 'billion multiply-adds', source: resnetPaper('Table 1, FLOPs row, 50-layer: 3.8x10^9') },
  resnet152GFlops: { value: 11.3, unit: 'billion multiply-adds', source: resnetPaper('Sec. 4.1 and Table 1: "11.3 billion FLOPs"') },
  vgg16GFlops: { value: 15.3, unit: 'billion multiply-adds', source: resnetPaper('Sec. 4.1: "lower complexity than VGG-16/19 nets (15.3/19.6 billion FLOPs)"') },
  vgg19GFlops: { value: 19.6, unit: 'billion multiply-adds', source: resnetPaper('Sec. 3.3 and Figure 3: VGG-19, 19.6 billion FLOPs') },
} as const satisfies Record<string, Sourced>;

/** Every sourced value of this file, for the data test and for a sources list. */
export function allSourced(): { key: string; value: number; source: Source }[] {
  const rows: { key: string; value: number; source: Source }[] = [];
  for (const entry of [...ILSVRC_WINNERS, VGG_2014, RUNNER_UP_2012]) {
    rows.push({ key: `${entry.year} ${entry.team}`, value: entry.top5Error, source: entry.source });
  }
  const groups: [string, Record<string, Sourced>][] = [
    ['human', { top5: HUMAN_TOP5_ERROR, images: HUMAN_TEST_IMAGES, a2: HUMAN_A2_TOP5_ERROR, lastYear: LAST_ILSVRC_YEAR }],
    ['alexnet', ALEXNET_FACTS],
    ['vgg', VGG_FACTS],
    ['resnet', RESNET_FACTS],
  ];
  for (const [group, facts] of groups) {
    for (const [key, fact] of Object.entries(facts)) rows.push({ key: `${group}.${key}`, value: fact.value, source: fact.source });
  }
  return rows;
}
