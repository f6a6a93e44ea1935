/**
 * Known-answer vectors for Noise_XX_25519_ChaChaPoly_{SHA256,BLAKE2b}, copied unchanged from the
 * cacophony test vectors (public domain; shipped as tests/vectors/cacophony.txt by the snow Noise
 * library, mcginty/snow). Messages alternate initiator, responder, initiator...; the first three
 * are the XX handshake, the rest transport messages.
 */
export interface NoiseVector {
  protocol_name: string
  init_prologue: string
  init_static: string
  init_ephemeral: string
  resp_prologue: string
  resp_static: string
  resp_ephemeral: string
  handshake_hash: string
  messages: { payload: string; ciphertext: string }[]
}

export const XX_VECTORS: NoiseVector[] = [
  {
    protocol_name: 'Noise_XX_25519_ChaChaPoly_BLAKE2b',
    init_prologue: '4a6f686e2047616c74',
    init_static: 'e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed542214d1',
    init_ephemeral: '893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a',
    resp_prologue: '4a6f686e2047616c74',
    resp_static: '4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114246e4893',
    resp_ephemeral: 'bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b',
    handshake_hash:
      '8cf47d7b3cb5804c0109d48e8bcdbee2cbb65687d8ea2c92994ca361fb86151ad93627b98936cbb32de56e8abb21def3925011ac3e35db9cbeea73ab9a4392c2',
    messages: [
      {
        payload: '4c756477696720766f6e204d69736573',
        ciphertext:
          'ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c79444c756477696720766f6e204d69736573'
      },
      {
        payload: '4d757272617920526f746862617264',
        ciphertext:
          '95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f1448088430505b6745ce64a5f33f0e8e3b83f11ce8802bca507f4f2d8b564dbe277e1966116e132faa2dfd70b8b077b9f94b913df5056ae1319469b824a98d54bbaa82c325595587064f978c4b6d104f7596e6f'
      },
      {
        payload: '462e20412e20486179656b',
        ciphertext:
          '99579e1c1ee15e422a57ddd6b16d37087b17558e8369c18991b4b2ca3a824abf904cdcf5458b5431a75af034ca9e9b982de039eaaf156775e2d580cd4e5ebae89c3f8cb2594b556d8a8169'
      },
      {
        payload: '4361726c204d656e676572',
        ciphertext: 'fc56eea290b3f3a21aac0c70cd5787b5ee99be37d2f4d751329b55'
      },
      {
        payload: '4a65616e2d426170746973746520536179',
        ciphertext: 'bb31c9da10d5639a4cdb88a12f5c61de41bbc7df09bf75d94f8184fe4157f5c68f'
      },
      {
        payload: '457567656e2042f6686d20766f6e2042617765726b',
        ciphertext: 'f6199cadb152fb27f82be0a0891ec76a33598ae92a46cab2fb5a8ed5bf48b7f267f8370af7'
      }
    ]
  },
  {
    protocol_name: 'Noise_XX_25519_ChaChaPoly_SHA256',
    init_prologue: '4a6f686e2047616c74',
    init_static: 'e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed542214d1',
    init_ephemeral: '893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a',
    resp_prologue: '4a6f686e2047616c74',
    resp_static: '4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114246e4893',
    resp_ephemeral: 'bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b',
    handshake_hash: 'c8e5f64e846193be2a834104c2a009868d6c9f3bd3c186299888b488b2f1f58e',
    messages: [
      {
        payload: '4c756477696720766f6e204d69736573',
        ciphertext:
          'ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c79444c756477696720766f6e204d69736573'
      },
      {
        payload: '4d757272617920526f746862617264',
        ciphertext:
          '95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f14480884381cbad1f276e038c48378ffce2b65285e08d6b68aaa3629a5a8639392490e5b9bd5269c2f1e4f488ed8831161f19b7815528f8982ffe09be9b5c412f8a0db50f8814c7194e83f23dbd8d162c9326ad'
      },
      {
        payload: '462e20412e20486179656b',
        ciphertext:
          'c7195ffacac1307ff99046f219750fc47693e23c3cb08b89c2af808b444850a80ae475b9df0f169ae80a89be0865b57f58c9fea0d4ec82a286427402f113e4b6ae769a1d95941d49b25030'
      },
      {
        payload: '4361726c204d656e676572',
        ciphertext: '96763ed773f8e47bb3712f0e29b3060ffc956ffc146cee53d5e1df'
      },
      {
        payload: '4a65616e2d426170746973746520536179',
        ciphertext: '3e40f15f6f3a46ae446b253bf8b1d9ffb6ed9b174d272328ff91a7e2e5c79c07f5'
      },
      {
        payload: '457567656e2042f6686d20766f6e2042617765726b',
        ciphertext: 'eb3f3515110702e047a6c9da4478b6ead94873c11c0f2d710ddb3f09fce024b3a58502ae3f'
      }
    ]
  }
]
